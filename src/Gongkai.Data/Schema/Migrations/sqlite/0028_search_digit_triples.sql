-- The search index also lists every triple of characters with a digit (SearchText.DigitTriples),
-- and a query asks for its triples' lists: an index built before would find no item with a
-- number. Emptied here; the next start rebuilds it (ItemSearch.EnsureBuiltAsync).
DELETE FROM search_postings;
DELETE FROM search_documents;
