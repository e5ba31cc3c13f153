-- When an application was answered, kept beside its status so a report year skips earlier answers in the index.
ALTER TABLE applications ADD COLUMN answered_on date NULL;
CREATE INDEX ix_applications_agency_id_received ON applications (agency_id, received);
