-- The superior's comment on a returned annual report (submission and review, Art. 49).
ALTER TABLE annual_reports ADD COLUMN review_comment TEXT NULL;
