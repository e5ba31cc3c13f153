-- Form posts already answered, so that the same post again does its work once (Gongkai.Data.Forms).
CREATE TABLE form_submissions (
    post_hash text PRIMARY KEY,
    created_utc timestamp with time zone NOT NULL,
    location text NULL,
    cookies text NULL
);
CREATE INDEX ix_form_submissions_created_utc ON form_submissions (created_utc);
