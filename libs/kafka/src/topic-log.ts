import type { Kafka } from 'kafkajs';

/** One partition's log on the broker: the first offset still held and the next offset to be written. */
export interface PartitionLog {
  partition: number;
  /** Log start offset: messages below it were deleted (retention) or never existed. */
  start: string;
  /** High watermark: the offset the next message will get. */
  end: string;
}

/**
 * What the broker holds for a topic, to check offsets stored elsewhere against. The cluster id stands
 * for the log's identity: kafkajs 2.2.4 speaks Metadata up to v6, and Kafka's topic ids (KIP-516)
 * come with v10, so a topic deleted and recreated on the same cluster shows only in its offsets.
 */
export interface TopicLog {
  topic: string;
  clusterId: string;
  partitions: PartitionLog[];
}

/** Reads the topic's log with a short-lived admin connection (assignments and operator commands are rare). */
export async function readTopicLog(kafka: Kafka, topic: string): Promise<TopicLog> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [cluster, offsets] = await Promise.all([admin.describeCluster(), admin.fetchTopicOffsets(topic)]);
    return {
      topic,
      clusterId: cluster.clusterId,
      partitions: offsets.map((p) => ({ partition: p.partition, start: p.low, end: p.high })).sort((a, b) => a.partition - b.partition),
    };
  } finally {
    await admin.disconnect();
  }
}
