-- Up Migration

-- No statement reads event_ledger by occurred_at: the aggregator, provenance, the rebuild and the
-- pseudonym re-key find versions by the primary key or scan the table. The index still cost every
-- applied version an insert into a b-tree that a backfill, whose events arrive in no time order,
-- writes at random pages: 25–35 % of the time of inserting 128,000 ledger rows in random order.
DROP INDEX event_ledger_occurred_at;

-- Down Migration
CREATE INDEX event_ledger_occurred_at ON event_ledger (occurred_at);
