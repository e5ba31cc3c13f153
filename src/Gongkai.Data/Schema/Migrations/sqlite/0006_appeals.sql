-- Reconsiderations and lawsuits about applications' replies (the report's fourth table).
CREATE TABLE appeals (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    agency_id INTEGER NOT NULL,
    application_id INTEGER NOT NULL REFERENCES applications (id) ON DELETE RESTRICT,
    kind TEXT NOT NULL,
    filed TEXT NOT NULL,
    body TEXT NOT NULL,
    decided TEXT NULL,
    result TEXT NULL,
    created_utc TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ix_appeals_application_id ON appeals (application_id);
CREATE INDEX ix_appeals_agency_id_filed ON appeals (agency_id, filed);
