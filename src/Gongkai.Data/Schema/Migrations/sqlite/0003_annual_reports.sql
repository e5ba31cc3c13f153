-- Annual report editions; the report itself is stored as its JSON document.
CREATE TABLE annual_reports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    agency_id INTEGER NOT NULL REFERENCES agencies (id) ON DELETE RESTRICT,
    year INTEGER NOT NULL,
    edition INTEGER NOT NULL,
    format_code TEXT NOT NULL,
    status TEXT NOT NULL,
    title TEXT NOT NULL,
    content TEXT NOT NULL,
    error_count INTEGER NOT NULL DEFAULT 0,
    warning_count INTEGER NOT NULL DEFAULT 0,
    published_on TEXT NULL,
    created_utc TEXT NOT NULL,
    updated_utc TEXT NOT NULL,
    published_utc TEXT NULL,
    version INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX ix_annual_reports_agency_id_year_edition ON annual_reports (agency_id, year, edition);
CREATE INDEX ix_annual_reports_year_status ON annual_reports (year, status);
