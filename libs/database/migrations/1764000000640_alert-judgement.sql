-- Up Migration

-- `insufficient_data`: a value resting on fewer cases than its target's minimum is not coloured
-- (STATUSES of libs/targets). An open alert whose cell becomes so ends with that reason.
ALTER TABLE alerts DROP CONSTRAINT alerts_status_check;
ALTER TABLE alerts ADD CONSTRAINT alerts_status_check CHECK (status IN ('green', 'yellow', 'red', 'insufficient_data', 'none'));

-- Hysteresis: since when an open alert's value has been back on track without a break; it ends after
-- ALERT_RESOLVE_AFTER_SECONDS of that (or at once, past the resolve margin).
ALTER TABLE alerts ADD COLUMN recovering_since timestamptz;

-- Hold-down: before a cell opens a new alert, when its last one ended is looked up.
CREATE INDEX alerts_ended_by_key ON alerts (kind, indicator, dims, level, region, period, resolved_at) WHERE state = 'resolved';

-- A target may leave its minimum to the indicator's default (NULL). An omitted minimum used to be stored
-- as 0, indistinguishable from "no minimum": those rows take the default; a 0 set again stays 0.
ALTER TABLE targets ALTER COLUMN min_denominator DROP NOT NULL, ALTER COLUMN min_denominator DROP DEFAULT;
UPDATE targets SET min_denominator = NULL WHERE min_denominator = 0;

-- Down Migration
UPDATE targets SET min_denominator = 0 WHERE min_denominator IS NULL;
ALTER TABLE targets ALTER COLUMN min_denominator SET DEFAULT 0, ALTER COLUMN min_denominator SET NOT NULL;
DROP INDEX alerts_ended_by_key;
ALTER TABLE alerts DROP COLUMN recovering_since;
UPDATE alerts SET status = 'none' WHERE status = 'insufficient_data';
ALTER TABLE alerts DROP CONSTRAINT alerts_status_check;
ALTER TABLE alerts ADD CONSTRAINT alerts_status_check CHECK (status IN ('green', 'yellow', 'red', 'none'));
