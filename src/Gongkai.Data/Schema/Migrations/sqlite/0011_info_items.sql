-- Proactive disclosure: information items, their sign-offs (append-only), their attachments,
-- the agency's index-number pattern, and the full-text index of published items.
ALTER TABLE agencies ADD COLUMN index_code TEXT NULL;
ALTER TABLE agencies ADD COLUMN index_pattern TEXT NULL;

CREATE TABLE info_items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    agency_id INTEGER NOT NULL REFERENCES agencies (id) ON DELETE RESTRICT,
    index_number TEXT NOT NULL,
    year INTEGER NOT NULL,
    sequence INTEGER NOT NULL,
    title TEXT NOT NULL,
    document_number TEXT NULL,
    issuer TEXT NOT NULL,
    written_on TEXT NOT NULL,
    published_on TEXT NULL,
    topic TEXT NULL,
    category_code TEXT NOT NULL,
    body_html TEXT NOT NULL,
    body_text TEXT NOT NULL,
    document_kind TEXT NOT NULL,
    repealed_on TEXT NULL,
    interprets_item_id INTEGER NULL REFERENCES info_items (id) ON DELETE RESTRICT,
    channels INTEGER NOT NULL,
    status TEXT NOT NULL,
    author_id INTEGER NOT NULL,
    author_name TEXT NOT NULL,
    personal_data_override TEXT NULL,
    withdrawn_on TEXT NULL,
    withdraw_reason TEXT NULL,
    created_utc TEXT NOT NULL,
    updated_utc TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX ix_info_items_index_number ON info_items (index_number);
CREATE UNIQUE INDEX ix_info_items_agency_id_year_sequence ON info_items (agency_id, year, sequence);
CREATE INDEX ix_info_items_agency_id_status_published_on ON info_items (agency_id, status, published_on);
CREATE INDEX ix_info_items_interprets_item_id ON info_items (interprets_item_id);
CREATE TRIGGER info_items_no_delete BEFORE DELETE ON info_items
BEGIN
    SELECT RAISE(ABORT, 'information items are never deleted');
END;

CREATE TABLE item_sign_offs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    item_id INTEGER NOT NULL REFERENCES info_items (id) ON DELETE RESTRICT,
    agency_id INTEGER NOT NULL,
    action TEXT NOT NULL,
    user_id INTEGER NOT NULL,
    user_name TEXT NOT NULL,
    at_utc TEXT NOT NULL,
    opinion TEXT NOT NULL
);
CREATE INDEX ix_item_sign_offs_item_id ON item_sign_offs (item_id);
CREATE TRIGGER item_sign_offs_no_update BEFORE UPDATE ON item_sign_offs
BEGIN
    SELECT RAISE(ABORT, 'item_sign_offs is append-only');
END;
CREATE TRIGGER item_sign_offs_no_delete BEFORE DELETE ON item_sign_offs
BEGIN
    SELECT RAISE(ABORT, 'item_sign_offs is append-only');
END;

CREATE TABLE item_attachments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    item_id INTEGER NOT NULL REFERENCES info_items (id) ON DELETE RESTRICT,
    agency_id INTEGER NOT NULL,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    content BLOB NOT NULL,
    text TEXT NOT NULL,
    uploaded_utc TEXT NOT NULL
);
CREATE INDEX ix_item_attachments_item_id ON item_attachments (item_id);

-- Published items as pairs of characters (see SearchText); facets hold agency, year and category
-- tokens so that filters are answered by the index too. rowid = info_items.id.
CREATE VIRTUAL TABLE search_items USING fts5 (tokens, facets, tokenize = 'unicode61 remove_diacritics 0');
