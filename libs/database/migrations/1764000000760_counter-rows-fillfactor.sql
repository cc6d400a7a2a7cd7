-- Up Migration

-- Room on each page for the next version of a row: the fold rewrites indicator_counters rows (value,
-- revision, updated_at) and the aggregator event_versions rows (version, voided, subjects), none of
-- them indexed, so with free space on the row's own page PostgreSQL writes a heap-only tuple (HOT)
-- instead of a new entry in the wide text primary key, and prunes the old version on the page
-- without a vacuum. At fillfactor 100 almost no update was HOT. Applies to pages written from now
-- on; `VACUUM FULL` the two tables in a quiet hour to repack existing ones.
ALTER TABLE indicator_counters SET (fillfactor = 80);
ALTER TABLE event_versions SET (fillfactor = 80);

-- Down Migration
ALTER TABLE event_versions RESET (fillfactor);
ALTER TABLE indicator_counters RESET (fillfactor);
