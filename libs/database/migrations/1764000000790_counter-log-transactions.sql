-- Up Migration

-- Each counter-log row remembers the transaction that appended it, so a fold takes whole
-- transactions: a reader of the folded counters (Redis, the change feed) then never sees one of a
-- transaction's changes without the others — a rate's numerator moved and its denominator not yet.
-- The default is evaluated per row in the appending transaction (COPY leaves the column out); rows
-- already in the log share the migration's own transaction id, which only makes them fold together.
ALTER TABLE indicator_counter_log ADD COLUMN appended_by xid8 NOT NULL DEFAULT pg_current_xact_id();

-- Down Migration
ALTER TABLE indicator_counter_log DROP COLUMN appended_by;
