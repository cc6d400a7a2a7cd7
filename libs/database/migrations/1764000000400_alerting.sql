-- Up Migration

-- Targets (目标): per indicator, per region (or `default:<level>`), per year and dims. `rule` is the
-- TargetRule of libs/targets (threshold | change | yearly_count) as JSON: figures are data, not code.
CREATE TABLE targets (
  indicator        text             NOT NULL,
  scope            text             NOT NULL,
  year             integer          NOT NULL,
  dims             text             NOT NULL DEFAULT '',
  rule             jsonb            NOT NULL,
  tolerance        double precision NOT NULL CHECK (tolerance >= 0),
  min_denominator  double precision NOT NULL DEFAULT 0 CHECK (min_denominator >= 0),
  source           text             NOT NULL DEFAULT '',
  updated_at       timestamptz      NOT NULL DEFAULT now(),
  PRIMARY KEY (indicator, scope, year, dims)
);

-- Alerts: one row per episode of (kind, indicator, dims, level, region, period) being behind. At most one
-- open (pending or firing) row per key, however many changes arrive: the partial unique index holds it
-- even with two alerting processes. Resolved rows stay as history. `bureau` is the region whose bureau
-- owns the alert (an institution's county for feed alerts); `escalated_to` the bureau above it.
CREATE TABLE alerts (
  id                bigserial        PRIMARY KEY,
  kind              text             NOT NULL CHECK (kind IN ('indicator', 'feed_stale')),
  indicator         text             NOT NULL,
  dims              text             NOT NULL DEFAULT '',
  level             text             NOT NULL,
  region            text             NOT NULL,
  period            text             NOT NULL DEFAULT '',
  bureau            text             NOT NULL,
  target            jsonb,
  state             text             NOT NULL CHECK (state IN ('pending', 'firing', 'resolved')),
  status            text             NOT NULL CHECK (status IN ('green', 'yellow', 'red', 'none')),
  expected          double precision,
  actual            double precision,
  gap               double precision,
  detail            jsonb            NOT NULL DEFAULT '{}',
  resolve_reason    text,
  started_at        timestamptz      NOT NULL,
  fired_at          timestamptz,
  resolved_at       timestamptz,
  last_notified_at  timestamptz,
  evaluated_at      timestamptz      NOT NULL,
  acknowledged_at   timestamptz,
  acknowledged_by   text,
  ack_comment       text,
  escalated_at      timestamptz,
  escalated_to      text
);
CREATE UNIQUE INDEX alerts_one_open ON alerts (kind, indicator, dims, level, region, period) WHERE state <> 'resolved';
CREATE INDEX alerts_open_by_bureau ON alerts (bureau) WHERE state <> 'resolved';
CREATE INDEX alerts_by_start ON alerts (started_at DESC);

-- Every transition of every alert (pending, firing, repeat, escalated, acknowledged, resolved, cleared).
CREATE TABLE alert_events (
  id          bigserial        PRIMARY KEY,
  alert_id    bigint           NOT NULL REFERENCES alerts (id),
  transition  text             NOT NULL,
  at          timestamptz      NOT NULL,
  status      text             NOT NULL,
  actual      double precision,
  expected    double precision,
  silenced    boolean          NOT NULL DEFAULT false,
  detail      jsonb            NOT NULL DEFAULT '{}'
);
CREATE INDEX alert_events_by_alert ON alert_events (alert_id, id);

-- Silences: matchers on indicator and/or region (a region matches its whole subtree), with an end time.
-- Expiring early sets expired_at; rows are never deleted (who silenced what, and why, is history).
CREATE TABLE silences (
  id          bigserial    PRIMARY KEY,
  indicator   text,
  region      text,
  starts_at   timestamptz  NOT NULL DEFAULT now(),
  ends_at     timestamptz  NOT NULL,
  created_by  text         NOT NULL,
  comment     text         NOT NULL DEFAULT '',
  created_at  timestamptz  NOT NULL DEFAULT now(),
  expired_at  timestamptz,
  CHECK (indicator IS NOT NULL OR region IS NOT NULL),
  CHECK (ends_at > starts_at)
);

-- Webhooks of bureaus. The secret is kept as given, not hashed: it is the key that signs outgoing
-- messages (HMAC needs the key itself, unlike a secret we only verify). Never returned by the API.
CREATE TABLE alert_webhooks (
  id          bigserial    PRIMARY KEY,
  region      text         NOT NULL,
  url         text         NOT NULL,
  format      text         NOT NULL CHECK (format IN ('json', 'wecom', 'dingtalk')),
  secret      text,
  label       text         NOT NULL DEFAULT '',
  active      boolean      NOT NULL DEFAULT true,
  created_at  timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX alert_webhooks_by_region ON alert_webhooks (region) WHERE active;

-- Transactional outbox: notifications are written in the same transaction as the transitions that cause
-- them, then delivered (Kafka topic or webhook) with retries, so a crash between the two loses nothing.
-- `idempotency_key` travels with the message: receivers drop repeats. state 'dead' = the dead-letter list.
CREATE TABLE notification_outbox (
  id               bigserial    PRIMARY KEY,
  channel          text         NOT NULL CHECK (channel IN ('topic', 'webhook')),
  webhook_id       bigint       REFERENCES alert_webhooks (id),
  message_key      text         NOT NULL,
  idempotency_key  text         NOT NULL UNIQUE,
  payload          jsonb        NOT NULL,
  state            text         NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'dead')),
  attempts         integer      NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz  NOT NULL DEFAULT now(),
  locked_until     timestamptz,
  last_error       text,
  created_at       timestamptz  NOT NULL DEFAULT now(),
  delivered_at     timestamptz
);
CREATE INDEX notification_outbox_due ON notification_outbox (next_attempt_at, id) WHERE state = 'pending';
CREATE INDEX notification_outbox_dead ON notification_outbox (id) WHERE state = 'dead';

-- Down Migration
DROP TABLE notification_outbox;
DROP TABLE alert_webhooks;
DROP TABLE silences;
DROP TABLE alert_events;
DROP TABLE alerts;
DROP TABLE targets;
