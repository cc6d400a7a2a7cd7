-- Up Migration

-- How many rows each transaction appended to the counter log, kept by the log's own insert trigger
-- (COPY and INSERT alike, whoever appends). A fold takes whole transactions up to its limit from
-- this table instead of counting the log, which read every log row on every fold (~15 % of a
-- fold's time in a year-long backfill). A row is committed with its transaction's log rows, so a
-- fold sees both or neither; the fold deletes the rows of the transactions it folds.
CREATE TABLE counter_log_appends (
  appended_by xid8 PRIMARY KEY,
  log_rows bigint NOT NULL
);

CREATE FUNCTION count_counter_log_appends() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO counter_log_appends (appended_by, log_rows)
  SELECT appended_by, count(*) FROM appended GROUP BY appended_by
  ON CONFLICT (appended_by) DO UPDATE SET log_rows = counter_log_appends.log_rows + EXCLUDED.log_rows;
  RETURN NULL;
END
$$;

CREATE TRIGGER counter_log_appends AFTER INSERT ON indicator_counter_log
  REFERENCING NEW TABLE AS appended FOR EACH STATEMENT EXECUTE FUNCTION count_counter_log_appends();

INSERT INTO counter_log_appends (appended_by, log_rows)
SELECT appended_by, count(*) FROM indicator_counter_log GROUP BY appended_by;

-- Down Migration
DROP TRIGGER counter_log_appends ON indicator_counter_log;
DROP FUNCTION count_counter_log_appends();
DROP TABLE counter_log_appends;
