-- Up Migration

-- 疫情三色预警: an outbreak signal of one county and disease (indicator `disease_cases`, dims
-- `disease=<code>`, period '') runs through the same alert lifecycle as target alerts.
ALTER TABLE alerts DROP CONSTRAINT alerts_kind_check;
ALTER TABLE alerts ADD CONSTRAINT alerts_kind_check CHECK (kind IN ('indicator', 'feed_stale', 'outbreak'));

-- Down Migration
DELETE FROM alert_events WHERE alert_id IN (SELECT id FROM alerts WHERE kind = 'outbreak');
DELETE FROM alerts WHERE kind = 'outbreak';
ALTER TABLE alerts DROP CONSTRAINT alerts_kind_check;
ALTER TABLE alerts ADD CONSTRAINT alerts_kind_check CHECK (kind IN ('indicator', 'feed_stale'));
