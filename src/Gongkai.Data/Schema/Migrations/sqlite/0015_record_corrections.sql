-- Corrections of records whose year's annual report was already submitted (Art. 49 review).
CREATE TABLE record_corrections (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    agency_id INTEGER NOT NULL REFERENCES agencies (id) ON DELETE RESTRICT,
    year INTEGER NOT NULL,
    record_kind TEXT NOT NULL,
    record_name TEXT NOT NULL,
    reason TEXT NOT NULL,
    actor_name TEXT NOT NULL,
    occurred_utc TEXT NOT NULL
);
CREATE INDEX ix_record_corrections_agency_id_year ON record_corrections (agency_id, year);
CREATE TRIGGER record_corrections_no_update BEFORE UPDATE ON record_corrections
BEGIN SELECT RAISE(ABORT, 'record_corrections is append-only'); END;
CREATE TRIGGER record_corrections_no_delete BEFORE DELETE ON record_corrections
BEGIN SELECT RAISE(ABORT, 'record_corrections is append-only'); END;
