-- The catalog's newest-first pages are read as ids from these indexes alone (a deep page skips
-- index entries, not table rows); only the page's twenty items are then fetched.
DROP INDEX ix_info_items_agency_id_status_published_on;
CREATE INDEX ix_info_items_agency_id_status_published_on_id ON info_items (agency_id, status, published_on, id);
DROP INDEX ix_info_items_catalog;
CREATE INDEX ix_info_items_catalog ON info_items (agency_id, status, category_code, published_on, id);
