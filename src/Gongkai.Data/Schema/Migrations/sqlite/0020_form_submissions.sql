-- Form posts already answered, so that the same post again does its work once (Gongkai.Data.Forms).
CREATE TABLE form_submissions (
    post_hash TEXT NOT NULL PRIMARY KEY,
    created_utc TEXT NOT NULL,
    location TEXT NULL,
    cookies TEXT NULL
);
CREATE INDEX ix_form_submissions_created_utc ON form_submissions (created_utc);
