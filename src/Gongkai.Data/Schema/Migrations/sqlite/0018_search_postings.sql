-- The search index becomes two plain tables, the same on both databases (ItemSearch): each
-- published item's folded text, and for every pair of characters and every facet the ids of the
-- items holding it, one row per bucket of 4,096 ids, so a search reads the newest ids first and
-- stops early. FTS5 walked a term's whole list to find one agency's hits (docs/benchmarks.md).
-- Rebuilt by the next start.
DROP TABLE search_items;
CREATE TABLE search_documents (
    item_id INTEGER PRIMARY KEY,
    facets TEXT NOT NULL,
    content TEXT NOT NULL
);
CREATE TABLE search_postings (
    term TEXT NOT NULL,
    bucket INTEGER NOT NULL,
    n INTEGER NOT NULL,
    ids BLOB NOT NULL,
    PRIMARY KEY (term, bucket)
) WITHOUT ROWID;
