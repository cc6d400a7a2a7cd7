-- Up Migration

-- Event versions ingest has made durable on the canonical topic, so a retry of the same
-- (institution, eventId, version) is answered "duplicate" instead of being forwarded again.
-- The aggregator's ledger stays the authority on dedupe; this only spares the topic and the sender.
CREATE TABLE ingest_receipts (
  institution_id text        NOT NULL,
  event_id       text        NOT NULL,
  version        integer     NOT NULL,
  accepted_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (institution_id, event_id, version)
);

-- Down Migration
DROP TABLE ingest_receipts;
