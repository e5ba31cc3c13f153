-- Published report files uploaded for import, kept with the edition made from them.
CREATE TABLE report_source_files (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    agency_id INTEGER NOT NULL REFERENCES agencies (id) ON DELETE RESTRICT,
    file_name TEXT NOT NULL,
    content BLOB NOT NULL,
    size INTEGER NOT NULL,
    uploaded_utc TEXT NOT NULL,
    uploaded_by INTEGER NULL
);
CREATE INDEX ix_report_source_files_agency_id ON report_source_files (agency_id);

ALTER TABLE annual_reports ADD COLUMN source_file_id INTEGER NULL REFERENCES report_source_files (id) ON DELETE RESTRICT;
CREATE INDEX ix_annual_reports_source_file_id ON annual_reports (source_file_id);
