import { OnApplicationShutdown } from '@nestjs/common';
import { CompressionTypes, Kafka, Message, Partitioners, Producer, TopicMessages } from 'kafkajs';
import { GroupCommit } from '@lib/batching';

export interface OutgoingMessage {
  key: string;
  value: unknown;
  headers?: Record<string, string>;
}

export interface KafkaProducerOptions {
  /**
   * How long a send waits for other sends to share its produce request when none is in flight
   * (KAFKA_PRODUCER_LINGER_MS, Kafka's `linger.ms`). Sends made while a request is in flight share
   * the next one whatever this is.
   */
  lingerMs: number;
  /** Told how many sends each produce request carried (a metric of how much the gathering shares). */
  observeRequest?(sends: number): void;
}

/**
 * The most one produce request carries (events' bytes plus an allowance per message): well under the
 * broker's message.max.bytes (1 MB by default) per record batch.
 */
export const MAX_REQUEST_BYTES = 512 * 1024;

const DEFAULT_OPTIONS: KafkaProducerOptions = { lingerMs: 1 };

interface SizedMessage {
  topic: string;
  message: Message;
  bytes: number;
}

/**
 * Durable, ordered, idempotent producer: acks from all in-sync replicas, awaited. A send resolves
 * only once the broker has the messages, so a caller may answer "accepted" after it.
 *
 * kafkajs allows an idempotent producer one request in flight, so concurrent sends would queue behind
 * each other's round trip. Sends are therefore gathered (GroupCommit): one produce request at a
 * time carries every send made while the previous one was in flight (or within the linger), in the
 * order they were made — messages with the same key keep their send order. If that request fails,
 * exactly the sends it carried fail, each with the broker's error.
 */
export class KafkaProducer implements OnApplicationShutdown {
  private producer: Producer;
  private connecting?: Promise<void>;
  private readonly requests: GroupCommit<SizedMessage[]>;
  /** Sends not yet settled, awaited at shutdown so an accepted request is not cut off. */
  private readonly unsettled = new Set<Promise<void>>();

  constructor(
    private readonly kafka: Kafka,
    options: KafkaProducerOptions = DEFAULT_OPTIONS,
  ) {
    this.producer = this.createProducer();
    this.requests = new GroupCommit<SizedMessage[]>({
      commit: (sends) => {
        options.observeRequest?.(sends.length);
        return this.produce(sends.flat());
      },
      size: (send) => send.reduce((bytes, m) => bytes + m.bytes, 0),
      maxSize: MAX_REQUEST_BYTES,
      gatherMs: options.lingerMs,
    });
  }

  private createProducer(): Producer {
    // The default partitioner hashes keys like the Java client (murmur2), so any client keying by
    // county lands one county's events in the same partition as ours.
    const producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
      // Bounded: a caller waiting to answer "accepted" must learn within seconds that the broker is
      // away (and answer 503), not hang. A send given up on may still land; receivers dedupe by eventId.
      retry: { initialRetryTime: 100, maxRetryTime: 1000, retries: 5 },
    });
    producer.on(producer.events.DISCONNECT, () => (this.connecting = undefined));
    return producer;
  }

  /**
   * Resolves once the broker has every message (acks=-1), in order: all of one sender's events share
   * a partition (keyed by county). A send larger than one produce request (~512 KB) is split, in order.
   */
  async send(topic: string, messages: OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const sent = this.requests.submit(messages.map((m) => sized(topic, m)));
    this.unsettled.add(sent);
    try {
      await sent;
    } finally {
      this.unsettled.delete(sent);
    }
  }

  private async produce(messages: SizedMessage[]): Promise<void> {
    await this.connect();
    try {
      for (const chunk of chunksBySize(messages)) {
        await this.producer.sendBatch({ acks: -1, compression: CompressionTypes.None, topicMessages: byTopic(chunk) });
      }
    } catch (error) {
      await this.replaceProducer();
      throw error;
    }
  }

  /**
   * After a failed send the broker may still have appended it (the answer was lost), while kafkajs
   * does not advance its sequence numbers for a failed request: the next batch would reuse them and
   * the broker would acknowledge it as a duplicate without writing it — an accepted event lost.
   * A new producer gets a new producer id and a fresh sequence.
   */
  private async replaceProducer(): Promise<void> {
    const failed = this.producer;
    this.producer = this.createProducer();
    this.connecting = undefined;
    await failed.disconnect().catch(() => undefined);
  }

  private connect(): Promise<void> {
    this.connecting ??= this.producer.connect().catch((error: unknown) => {
      this.connecting = undefined;
      throw error;
    });
    return this.connecting;
  }

  async onApplicationShutdown() {
    await Promise.allSettled(this.unsettled);
    await this.producer.disconnect();
  }
}

function sized(topic: string, { key, value, headers }: OutgoingMessage): SizedMessage {
  const encoded = JSON.stringify(value);
  let bytes = Buffer.byteLength(encoded) + Buffer.byteLength(key) + 64;
  for (const name in headers) bytes += name.length + Buffer.byteLength(headers[name]) + 4;
  return { topic, message: { key, value: encoded, headers }, bytes };
}

function* chunksBySize(messages: SizedMessage[]): Generator<SizedMessage[]> {
  let chunk: SizedMessage[] = [];
  let bytes = 0;
  for (const message of messages) {
    if (chunk.length > 0 && bytes + message.bytes > MAX_REQUEST_BYTES) {
      yield chunk;
      chunk = [];
      bytes = 0;
    }
    chunk.push(message);
    bytes += message.bytes;
  }
  if (chunk.length > 0) yield chunk;
}

/** One entry per topic, each topic's messages in send order. */
function byTopic(messages: SizedMessage[]): TopicMessages[] {
  const topics = new Map<string, Message[]>();
  for (const { topic, message } of messages) {
    const list = topics.get(topic);
    if (list) list.push(message);
    else topics.set(topic, [message]);
  }
  return [...topics].map(([topic, list]) => ({ topic, messages: list }));
}
