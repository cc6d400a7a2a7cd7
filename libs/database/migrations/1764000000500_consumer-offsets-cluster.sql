-- Up Migration

-- The Kafka cluster the stored offsets were read from. An offset means something only in the log it
-- was read from: after the broker's data is rebuilt (new cluster id) the same numbers point at other
-- messages, and resuming there would skip events silently. The aggregator refuses to resume on a
-- changed cluster id or on offsets outside the partitions' logs (see apps/aggregator/README.md).
-- The topic's own id would say more, but kafkajs 2.2.4 speaks Metadata v6 and topic ids come with v10.
-- NULL: stored before this column existed; adopts the broker's cluster id on first use.
ALTER TABLE consumer_offsets ADD COLUMN cluster_id text;

-- Down Migration
ALTER TABLE consumer_offsets DROP COLUMN cluster_id;
