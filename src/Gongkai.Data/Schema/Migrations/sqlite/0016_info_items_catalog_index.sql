-- The portal's catalog groups an agency's published items by heading and year: read from this index alone.
CREATE INDEX ix_info_items_catalog ON info_items (agency_id, status, category_code, published_on);
