import type { IHeaders } from 'kafkajs';
import { createKafkaClient, KafkaConnection } from '@lib/kafka';

export interface TopicRecord {
  key: string | null;
  value: string;
  /** The record's headers as text (a repeated header: its first value). */
  headers: Record<string, string>;
}

/** Reads a whole topic from the beginning up to its current end (for checks, not for processing). */
export async function readTopic(connection: KafkaConnection, topic: string): Promise<TopicRecord[]> {
  const kafka = createKafkaClient(connection, 'topic-reader');
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  const remaining = new Map(ends.filter((p) => p.high !== p.low).map((p) => [p.partition, BigInt(p.high)]));
  const messages: TopicRecord[] = [];
  if (remaining.size === 0) return messages;

  const consumer = kafka.consumer({ groupId: `topic-reader-${Date.now()}-${Math.random()}`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    consumer
      .run({
        eachMessage: ({ partition, message }) => {
          messages.push({ key: message.key?.toString() ?? null, value: message.value?.toString() ?? '', headers: textHeaders(message.headers) });
          if (BigInt(message.offset) + 1n >= (remaining.get(partition) ?? 0n)) remaining.delete(partition);
          if (remaining.size === 0) resolve();
          return Promise.resolve();
        },
      })
      .catch(reject);
  });
  await consumer.disconnect();
  return messages;
}

function textHeaders(headers: IHeaders | undefined): Record<string, string> {
  const text: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) text[name] = first.toString();
  }
  return text;
}
