-- PostgreSQL's search index keeps the facets and the item's bucket as lexemes of the tokens
-- (ItemSearch), so GIN answers a filtered, newest-first search alone. Rebuilt by the next start.
DROP INDEX search_items_facets;
ALTER TABLE search_items DROP COLUMN facets;
DELETE FROM search_items;
