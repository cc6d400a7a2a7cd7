import { createKafkaClient, KafkaConnection } from '@lib/kafka';

/** Reads a whole topic from the beginning up to its current end (for checks, not for processing). */
export async function readTopic(connection: KafkaConnection, topic: string): Promise<{ key: string | null; value: string }[]> {
  const kafka = createKafkaClient(connection, 'topic-reader');
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  const remaining = new Map(ends.filter((p) => p.high !== p.low).map((p) => [p.partition, BigInt(p.high)]));
  const messages: { key: string | null; value: string }[] = [];
  if (remaining.size === 0) return messages;

  const consumer = kafka.consumer({ groupId: `topic-reader-${Date.now()}-${Math.random()}`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    consumer
      .run({
        eachMessage: async ({ partition, message }) => {
          messages.push({ key: message.key?.toString() ?? null, value: message.value?.toString() ?? '' });
          if (BigInt(message.offset) + 1n >= (remaining.get(partition) ?? 0n)) remaining.delete(partition);
          if (remaining.size === 0) resolve();
        },
      })
      .catch(reject);
  });
  await consumer.disconnect();
  return messages;
}
