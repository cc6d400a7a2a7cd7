-- Up Migration

-- Every counter gets a number, and a change in the counter log may name its counter by it instead
-- of by its six key columns: the aggregator keeps the ids of counters it has seen folded in memory
-- and appends (counter_id, delta) for those, and the key columns for the others (a counter never
-- stored, or one it does not remember). The fold upserts key-named changes by key, as before, and
-- updates id-named ones through the bigint index: summed per bigint instead of six text columns, no
-- walk down the wide text primary key. Counter rows are never deleted, so an id keeps meaning the
-- same counter. The aggregator must be stopped while this runs (its fold changes with the view).
ALTER TABLE indicator_counters ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY;
ALTER TABLE indicator_counters ADD CONSTRAINT indicator_counters_id_key UNIQUE (id);

ALTER TABLE indicator_counter_log
  ADD COLUMN counter_id bigint,
  ALTER COLUMN indicator DROP NOT NULL,
  ALTER COLUMN level DROP NOT NULL,
  ALTER COLUMN region DROP NOT NULL,
  ALTER COLUMN dims DROP NOT NULL,
  ALTER COLUMN measure DROP NOT NULL,
  ALTER COLUMN period DROP NOT NULL,
  ADD CONSTRAINT indicator_counter_log_names_its_counter
    CHECK (counter_id IS NOT NULL OR (indicator, level, region, dims, measure, period) IS NOT NULL);

-- Every counter's value: its folded row plus its un-folded changes, named by id or by key;
-- `updated_at` is when it last changed (the value's asOf). Conditions on the key columns reach the
-- counters' primary key and the key-named changes; id-named changes are joined to the counters selected.
CREATE OR REPLACE VIEW indicator_counter_values AS
SELECT indicator, level, region, dims, measure, period, sum(value)::bigint AS value, max(updated_at) AS updated_at
FROM (
  SELECT indicator, level, region, dims, measure, period, value, updated_at FROM indicator_counters
  UNION ALL
  SELECT c.indicator, c.level, c.region, c.dims, c.measure, c.period, l.delta, l.recorded_at
  FROM indicator_counter_log l JOIN indicator_counters c ON c.id = l.counter_id
  UNION ALL
  SELECT indicator, level, region, dims, measure, period, delta, recorded_at FROM indicator_counter_log WHERE counter_id IS NULL
) AS counter_parts
GROUP BY indicator, level, region, dims, measure, period;

-- Down Migration
DROP VIEW indicator_counter_values;
UPDATE indicator_counter_log l SET indicator = c.indicator, level = c.level, region = c.region, dims = c.dims, measure = c.measure, period = c.period
FROM indicator_counters c WHERE c.id = l.counter_id;
ALTER TABLE indicator_counter_log
  DROP CONSTRAINT indicator_counter_log_names_its_counter,
  DROP COLUMN counter_id,
  ALTER COLUMN indicator SET NOT NULL,
  ALTER COLUMN level SET NOT NULL,
  ALTER COLUMN region SET NOT NULL,
  ALTER COLUMN dims SET NOT NULL,
  ALTER COLUMN measure SET NOT NULL,
  ALTER COLUMN period SET NOT NULL;
CREATE VIEW indicator_counter_values AS
SELECT indicator, level, region, dims, measure, period, sum(value)::bigint AS value, max(updated_at) AS updated_at
FROM (
  SELECT indicator, level, region, dims, measure, period, value, updated_at FROM indicator_counters
  UNION ALL
  SELECT indicator, level, region, dims, measure, period, delta, recorded_at FROM indicator_counter_log
) AS counter_parts
GROUP BY indicator, level, region, dims, measure, period;
ALTER TABLE indicator_counters DROP COLUMN id;
