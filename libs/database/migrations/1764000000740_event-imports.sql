-- Up Migration

-- Bulk imports of historical events (POST /v1/admin/imports): who authorised each one, how far back
-- it may reach (beyond the live door's EVENT_MAX_AGE_DAYS), and how far it has come. Every event an
-- import makes durable carries the import's id as `importId` on the canonical topic, so the ledger
-- says which import brought it: event_ledger.payload->>'importId' = event_imports.id.
CREATE TABLE event_imports (
  id             uuid        PRIMARY KEY,
  authorised_by  text        NOT NULL,
  max_age_days   integer     NOT NULL CHECK (max_age_days >= 1),
  format         text        NOT NULL CHECK (format IN ('ndjson', 'csv')),
  family         text,
  file_name      text,
  started_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  -- The row after the furthest one made durable (where a resumed upload goes on).
  next_row       bigint      NOT NULL DEFAULT 1,
  -- Outcomes over all uploads of the import: rows sent again after an interrupted upload count again (as duplicate).
  rows_read      bigint      NOT NULL DEFAULT 0,
  accepted       bigint      NOT NULL DEFAULT 0,
  duplicate      bigint      NOT NULL DEFAULT 0,
  rejected       bigint      NOT NULL DEFAULT 0
);

-- Down Migration
DROP TABLE event_imports;
