-- Nothing changes on SQLite (PostgreSQL's search index changed its layout); the versions stay in step.
SELECT 1;
