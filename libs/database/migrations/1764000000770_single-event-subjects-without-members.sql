-- Up Migration

-- A single-event subject (`evt:<institution>:<eventId>`: one member, the event itself) has no
-- subject_members rows: the aggregator takes its "before" from event_versions and event_ledger, and
-- provenance lists it from event_versions. Rows written for such subjects earlier would no longer be
-- kept up to date by amendments and voids, so they go. `evt:` .. `evt;` in byte order is exactly the
-- prefix (the keyset index is in that order). Aggregators that still write these rows must be stopped
-- before this runs: one algorithm at a time.
DELETE FROM subject_members WHERE subject COLLATE "C" > 'evt:' COLLATE "C" AND subject COLLATE "C" < 'evt;' COLLATE "C";

-- Down Migration
-- event_versions.subjects still names every subject a current version joined, evt: ones included.
INSERT INTO subject_members (subject, institution_id, event_id, version)
SELECT s.subject, v.institution_id, v.event_id, v.version
FROM event_versions v CROSS JOIN LATERAL unnest(v.subjects) AS s(subject)
WHERE s.subject COLLATE "C" > 'evt:' COLLATE "C" AND s.subject COLLATE "C" < 'evt;' COLLATE "C"
ON CONFLICT (subject, institution_id, event_id) DO UPDATE SET version = EXCLUDED.version;
