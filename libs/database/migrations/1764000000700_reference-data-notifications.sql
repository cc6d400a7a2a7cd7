-- Up Migration

-- Targets and populations announce their committed changes on the channel `reference_data_changes`,
-- whichever process writes them (the alerting app's PUT /v1/targets, the query app's PUT
-- /v1/populations, tools, psql), so that every query process drops the computed answers they went
-- into (apps/query/README.md, "Computed-reads cache"). Payloads: `{"table":"targets","indicator",
-- "year","dims"}` and `{"table":"populations","year"}`; a TRUNCATE sends the table alone (all of it).
-- PostgreSQL delivers notifications at commit and once per distinct payload per transaction, so an
-- upload of thousands of rows sends a handful.
CREATE FUNCTION notify_target_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM pg_notify('reference_data_changes', json_build_object('table', 'targets', 'indicator', OLD.indicator, 'year', OLD.year, 'dims', OLD.dims)::text);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM pg_notify('reference_data_changes', json_build_object('table', 'targets', 'indicator', NEW.indicator, 'year', NEW.year, 'dims', NEW.dims)::text);
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION notify_population_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM pg_notify('reference_data_changes', json_build_object('table', 'populations', 'year', OLD.year)::text);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM pg_notify('reference_data_changes', json_build_object('table', 'populations', 'year', NEW.year)::text);
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION notify_table_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('reference_data_changes', json_build_object('table', TG_TABLE_NAME)::text);
  RETURN NULL;
END
$$;

CREATE TRIGGER targets_changed AFTER INSERT OR UPDATE OR DELETE ON targets FOR EACH ROW EXECUTE FUNCTION notify_target_change();
CREATE TRIGGER targets_truncated AFTER TRUNCATE ON targets FOR EACH STATEMENT EXECUTE FUNCTION notify_table_truncated();
CREATE TRIGGER populations_changed AFTER INSERT OR UPDATE OR DELETE ON populations FOR EACH ROW EXECUTE FUNCTION notify_population_change();
CREATE TRIGGER populations_truncated AFTER TRUNCATE ON populations FOR EACH STATEMENT EXECUTE FUNCTION notify_table_truncated();

-- Down Migration
DROP TRIGGER populations_truncated ON populations;
DROP TRIGGER populations_changed ON populations;
DROP TRIGGER targets_truncated ON targets;
DROP TRIGGER targets_changed ON targets;
DROP FUNCTION notify_table_truncated();
DROP FUNCTION notify_population_change();
DROP FUNCTION notify_target_change();
