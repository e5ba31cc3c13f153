-- Moving in (issue 26): an office's ledger names its columns its own way (登记日期 for 收到日期).
-- The mapping chosen at the last import is remembered per agency and sheet, so the next month's
-- ledger reads the same way without choosing again.
CREATE TABLE import_mappings (
    agency_id INTEGER NOT NULL REFERENCES agencies (id),
    sheet TEXT NOT NULL,
    field TEXT NOT NULL,
    header TEXT NOT NULL,
    CONSTRAINT pk_import_mappings PRIMARY KEY (agency_id, sheet, field)
);
