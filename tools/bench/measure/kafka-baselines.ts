import { CompressionTypes, Partitioners } from 'kafkajs';
import { createKafkaClient, KafkaConnection } from '@lib/kafka';

export interface KeyedMessage {
  key: string;
  value: string;
}

/**
 * Produces a stream of messages with acks from all replicas in chunks (kept under the broker's 1 MB batch limit);
 * returns the count and the raw producer's rate.
 */
export async function produceAll(
  connection: KafkaConnection,
  topic: string,
  messages: Iterable<KeyedMessage>,
  chunk = 500,
): Promise<{ count: number; perSecond: number }> {
  const producer = createKafkaClient(connection, 'bench-producer').producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  let count = 0;
  let sending = 0;
  let pending: KeyedMessage[] = [];
  const send = async () => {
    const started = performance.now();
    await producer.send({ topic, acks: -1, compression: CompressionTypes.None, messages: pending });
    sending += performance.now() - started;
    count += pending.length;
    pending = [];
  };
  for (const message of messages) {
    pending.push(message);
    if (pending.length >= chunk) await send();
  }
  if (pending.length > 0) await send();
  await producer.disconnect();
  // Only the time spent sending counts: generating the messages is not the producer's work.
  return { count, perSecond: count / (sending / 1000) };
}

/**
 * The ceiling for any consumer of this topic on this machine: a bare kafkajs consumer reading every
 * message with `eachBatch` and doing nothing with them. Returns messages per second.
 */
export async function rawConsumeRate(connection: KafkaConnection, topic: string, expected: number): Promise<number> {
  const consumer = createKafkaClient(connection, 'bench-raw-consumer').consumer({
    groupId: `bench-raw-${Date.now()}`,
    maxBytesPerPartition: 4 * 1024 * 1024,
    maxWaitTimeInMs: 100,
  });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let seen = 0;
  let started = 0;
  const done = new Promise<number>((resolve) => {
    void consumer.run({
      eachBatch: ({ batch }) => {
        if (started === 0) started = performance.now();
        seen += batch.messages.length;
        if (seen >= expected) resolve((performance.now() - started) / 1000);
        return Promise.resolve();
      },
    });
  });
  const seconds = await done;
  await consumer.disconnect();
  return seen / seconds;
}
