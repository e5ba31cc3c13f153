-- Moving in (issue 26): an old site's items arrive as one ZIP (the list and its files). It is kept
-- between the preview and the confirmation — on any web node, so in the database — and afterwards
-- as the record of where the imported items came from.
CREATE TABLE import_uploads (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    agency_id INTEGER NOT NULL REFERENCES agencies (id),
    user_id INTEGER NOT NULL REFERENCES staff_users (id),
    file_name TEXT NOT NULL,
    content BLOB NOT NULL,
    uploaded_utc TEXT NOT NULL,
    applied_utc TEXT NULL
);
CREATE INDEX ix_import_uploads_agency_id ON import_uploads (agency_id);
CREATE INDEX ix_import_uploads_user_id ON import_uploads (user_id);
