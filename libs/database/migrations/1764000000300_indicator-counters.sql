-- Up Migration

-- The latest version seen of each event (institution, eventId), voided ones kept as tombstones so
-- that an older version arriving late can neither resurrect nor replace it. `subjects` are the
-- subjects this version joined (empty when voided): an amendment leaves exactly these, whatever the
-- catalogue says later. The payload itself stays in event_ledger (written once per version).
CREATE TABLE event_versions (
  institution_id  text        NOT NULL,
  event_id        text        NOT NULL,
  version         integer     NOT NULL CHECK (version >= 1),
  voided          boolean     NOT NULL,
  subjects        text[]      NOT NULL,
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (institution_id, event_id)
);

-- Which current event versions make up each subject (`chronic:<pseudonym>:hypertension`,
-- `evt:<institution>:<eventId>` ...). A subject's counters are a pure function of these events, so the
-- aggregator recomputes them before and after a change and adds the difference. `version` points
-- at the event_ledger row holding the canonical event.
CREATE TABLE subject_members (
  subject         text    NOT NULL,
  institution_id  text    NOT NULL,
  event_id        text    NOT NULL,
  version         integer NOT NULL,
  PRIMARY KEY (subject, institution_id, event_id)
);

-- Every counter at every level and period granularity it is read at: (indicator, measure, level,
-- region, period, dims) → value. Key order serves the reads: one (indicator, level, region, dims)
-- cell, one measure, a range of period ids. `value` is an integer (cost sums are in fen).
-- `revision` grows by one on every change of the row (row locks serialise writers), so the Redis
-- cache can refuse an older value that arrives after a newer one; `updated_at` is the value's asOf.
-- A row that falls back to 0 is kept: it still says when it last changed.
CREATE TABLE indicator_counters (
  indicator   text        NOT NULL,
  level       text        NOT NULL,
  region      text        NOT NULL,
  dims        text        NOT NULL DEFAULT '',
  measure     text        NOT NULL,
  period      text        NOT NULL,
  value       bigint      NOT NULL,
  revision    bigint      NOT NULL DEFAULT 1,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (indicator, level, region, dims, measure, period)
);

-- Down Migration
DROP TABLE indicator_counters;
DROP TABLE subject_members;
DROP TABLE event_versions;
