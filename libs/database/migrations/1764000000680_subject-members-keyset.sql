-- Up Migration

-- Provenance pages through an indicator's subjects in key order from a cursor (keyset paging). Byte
-- order (COLLATE "C") makes `<prefix>:` .. `<prefix>;` the exact range of one prefix whatever the
-- database's collation; the included columns let each subject's events be found without the heap.
CREATE INDEX subject_members_subject_keyset ON subject_members (subject COLLATE "C") INCLUDE (institution_id, event_id, version);

-- Down Migration
DROP INDEX subject_members_subject_keyset;
