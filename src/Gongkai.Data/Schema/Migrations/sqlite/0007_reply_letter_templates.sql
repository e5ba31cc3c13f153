-- Agencies' own wording of reply letters, per reply type.
CREATE TABLE reply_letter_templates (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    agency_id INTEGER NOT NULL REFERENCES agencies (id) ON DELETE RESTRICT,
    reply_type TEXT NOT NULL,
    body TEXT NOT NULL,
    updated_utc TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX ix_reply_letter_templates_agency_id_reply_type ON reply_letter_templates (agency_id, reply_type);
