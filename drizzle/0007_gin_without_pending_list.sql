-- GIN indexes for search without a pending list (fastupdate): with one, every
-- search scans the whole list, and the planner, seeing it, avoids the index
-- and reads every article's text instead (a 400 ms search on 20k articles).
-- PGlite has no autovacuum to flush it. Altered in place rather than rebuilt;
-- the entries already pending are moved into the index now.
ALTER INDEX "articles_search_idx" SET (fastupdate = false);--> statement-breakpoint
ALTER INDEX "articles_title_search_idx" SET (fastupdate = false);--> statement-breakpoint
SELECT gin_clean_pending_list('articles_search_idx'::regclass);--> statement-breakpoint
SELECT gin_clean_pending_list('articles_title_search_idx'::regclass);
