-- Procedural letters (Art. 30, 32, 33 and the receipt of Art. 31): the other body a step names and
-- the item a 36(一) reply points to; agencies' own wording of each procedural letter.
ALTER TABLE application_steps ADD COLUMN party TEXT NULL;
ALTER TABLE application_steps ADD COLUMN party_contact TEXT NULL;
ALTER TABLE application_steps ADD COLUMN item_index TEXT NULL;

CREATE TABLE procedural_letter_templates (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    agency_id INTEGER NOT NULL REFERENCES agencies (id) ON DELETE RESTRICT,
    letter TEXT NOT NULL,
    body TEXT NOT NULL,
    updated_utc TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX ix_procedural_letter_templates_agency_id_letter ON procedural_letter_templates (agency_id, letter);
