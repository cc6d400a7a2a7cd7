-- Up Migration

-- Every canonical event version the aggregator has applied: the dedupe key, the source of truth
-- for corrections and rebuilds, and the trail behind every indicator value (provenance).
CREATE TABLE event_ledger (
  institution_id   text        NOT NULL,
  event_id         text        NOT NULL,
  version          integer     NOT NULL CHECK (version >= 1),
  type             text        NOT NULL,
  action           text        NOT NULL,
  voided           boolean     NOT NULL DEFAULT false,
  occurred_at      timestamptz NOT NULL,
  received_at      timestamptz NOT NULL,
  applied_at       timestamptz NOT NULL DEFAULT now(),
  kafka_partition  integer     NOT NULL,
  kafka_offset     bigint      NOT NULL,
  payload          jsonb       NOT NULL,
  PRIMARY KEY (institution_id, event_id, version)
);
CREATE INDEX event_ledger_occurred_at ON event_ledger (occurred_at);

-- The next offset to read per consumer group and partition, written in the same transaction as the
-- results of the messages before it: a consumer resumes from here, never from Kafka's own commits.
CREATE TABLE consumer_offsets (
  group_id     text        NOT NULL,
  topic        text        NOT NULL,
  partition    integer     NOT NULL,
  next_offset  bigint      NOT NULL,
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (group_id, topic, partition)
);

-- When each institution last reported, so a silent 卫生院 can be told apart from a poor indicator.
CREATE TABLE institution_feeds (
  institution_id    text        PRIMARY KEY,
  last_occurred_at  timestamptz NOT NULL,
  last_received_at  timestamptz NOT NULL,
  events_applied    bigint      NOT NULL DEFAULT 0
);

-- Down Migration
DROP TABLE institution_feeds;
DROP TABLE consumer_offsets;
DROP TABLE event_ledger;
