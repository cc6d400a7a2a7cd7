-- Up Migration

-- Each run of tools/rekey-pseudonyms.ts that brought stored pseudonyms to a new key of the chain
-- (docs/privacy.md, "Rotating the secret"): which key they carry since, which keys they carried
-- before, and how much it rewrote. The pseudonyms themselves carry their key id; this is the audit.
CREATE TABLE pseudonym_rekeys (
  rekeyed_at       timestamptz NOT NULL DEFAULT now() PRIMARY KEY,
  key_id           text        NOT NULL,
  from_key_ids     text[]      NOT NULL,
  people           integer     NOT NULL,
  ledger_rows      bigint      NOT NULL,
  version_rows     bigint      NOT NULL,
  member_rows      bigint      NOT NULL,
  -- Subjects that existed under both keys (events applied under an earlier key after the rotation):
  -- their counters need `tools/rebuild.js --apply`. Zero after a rotation done as documented.
  merged_subjects  integer     NOT NULL
);

-- Down Migration
DROP TABLE pseudonym_rekeys;
