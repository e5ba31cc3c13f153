-- PostgreSQL announces portal changes to every web node (gongkai_portal). An SQLite database
-- serves a single node, which drops its own copies when it commits: nothing to create here.
SELECT 1;
