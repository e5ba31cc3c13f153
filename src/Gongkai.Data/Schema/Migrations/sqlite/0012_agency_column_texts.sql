-- The agency's own words in its column: more of the 公开指南 (Art. 12) and its 公开制度.
ALTER TABLE agencies ADD COLUMN guide_text TEXT NULL;
ALTER TABLE agencies ADD COLUMN rules_text TEXT NULL;
