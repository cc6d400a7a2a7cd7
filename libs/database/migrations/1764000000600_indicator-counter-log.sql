-- Up Migration

-- Counter changes as the aggregator commits them, appended with COPY in the transaction that applies
-- the events (no index to maintain, no row to find and lock), and folded into indicator_counters by
-- the aggregator's background fold (apps/aggregator/README.md, "Counter log"). A fold deletes the rows
-- it sums in the same transaction that adds them to indicator_counters, so a counter's value is always
-- its row plus its un-folded changes: indicator_counter_values below. Readers use that view, and see
-- either all of a transaction's changes or none.
CREATE TABLE indicator_counter_log (
  indicator    text        NOT NULL,
  level        text        NOT NULL,
  region       text        NOT NULL,
  dims         text        NOT NULL,
  measure      text        NOT NULL,
  period       text        NOT NULL,
  delta        bigint      NOT NULL,
  recorded_at  timestamptz NOT NULL DEFAULT now()
) WITH (
  -- Rows live for a fold interval: vacuum by a fixed count of dead rows, not a share of a tiny table.
  autovacuum_vacuum_scale_factor = 0,
  autovacuum_vacuum_threshold = 20000,
  autovacuum_vacuum_insert_scale_factor = 0,
  autovacuum_vacuum_insert_threshold = 20000
);

-- Every counter's value: its folded row plus its un-folded changes. `updated_at` is when it last
-- changed (the value's asOf). Conditions on the key columns reach both tables' scans.
CREATE VIEW indicator_counter_values AS
SELECT indicator, level, region, dims, measure, period, sum(value)::bigint AS value, max(updated_at) AS updated_at
FROM (
  SELECT indicator, level, region, dims, measure, period, value, updated_at FROM indicator_counters
  UNION ALL
  SELECT indicator, level, region, dims, measure, period, delta, recorded_at FROM indicator_counter_log
) AS counter_parts
GROUP BY indicator, level, region, dims, measure, period;

-- Folds whose new values are not yet in Redis and on the change feed: a fold inserts its row, the
-- aggregator deletes it once both are written. A row left behind (a crash in between, Redis down)
-- says since when counters must be announced again, however long ago that was. `folded_at` is the
-- fold transaction's now(), which is also the `updated_at` of every counter it changed.
CREATE TABLE unannounced_counter_folds (
  fold_id    bigserial   PRIMARY KEY,
  folded_at  timestamptz NOT NULL DEFAULT now()
);

-- Down Migration
DROP TABLE unannounced_counter_folds;
INSERT INTO indicator_counters AS c (indicator, level, region, dims, measure, period, value)
SELECT indicator, level, region, dims, measure, period, sum(delta) FROM indicator_counter_log
GROUP BY indicator, level, region, dims, measure, period
ON CONFLICT (indicator, level, region, dims, measure, period) DO UPDATE SET
  value = c.value + EXCLUDED.value, revision = c.revision + 1, updated_at = now();
DROP VIEW indicator_counter_values;
DROP TABLE indicator_counter_log;
