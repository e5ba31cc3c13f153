-- The search index becomes two plain tables, the same on both databases (ItemSearch): each
-- published item's folded text, and for every pair of characters and every facet the ids of the
-- items holding it, one row per bucket of 4,096 ids, so a search reads the newest ids first and
-- stops early. GIN gave matches in no order (docs/benchmarks.md). Rebuilt by the next start.
DROP TABLE search_items;
CREATE TABLE search_documents (
    item_id integer PRIMARY KEY,
    facets text NOT NULL,
    content text NOT NULL
);
CREATE TABLE search_postings (
    term text COLLATE "C" NOT NULL,
    bucket integer NOT NULL,
    n integer NOT NULL,
    ids bytea NOT NULL,
    PRIMARY KEY (term, bucket) INCLUDE (n)
);
-- Delta-coded ids do not compress; trying costs time on every write.
ALTER TABLE search_postings ALTER COLUMN ids SET STORAGE EXTERNAL;
