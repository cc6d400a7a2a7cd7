import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { CompressionTypes, Kafka, Message, Partitioners, Producer } from 'kafkajs';
import { KAFKA_CLIENT } from './kafka-client';

export interface OutgoingMessage {
  key: string;
  value: unknown;
  headers?: Record<string, string>;
}

/**
 * Durable, ordered, idempotent producer: acks from all in-sync replicas, awaited. A send resolves
 * only once the broker has the messages, so a caller may answer "accepted" after it.
 */
@Injectable()
export class KafkaProducer implements OnApplicationShutdown {
  private producer: Producer;
  private connecting?: Promise<void>;

  constructor(@Inject(KAFKA_CLIENT) private readonly kafka: Kafka) {
    this.producer = this.createProducer();
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
   * Sends in order, in requests of at most ~512 KB: all of one sender's events share a partition
   * (keyed by county), and one record batch over the broker's message.max.bytes (1 MB by default)
   * would be refused whole.
   */
  async send(topic: string, messages: OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.connect();
    try {
      for (const chunk of chunksBySize(messages.map(toKafkaMessage))) {
        await this.producer.send({ topic, acks: -1, compression: CompressionTypes.None, messages: chunk });
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
    await this.producer.disconnect();
  }
}

/** The most one send request carries (events' bytes plus an allowance per message). */
export const MAX_REQUEST_BYTES = 512 * 1024;

function toKafkaMessage({ key, value, headers }: OutgoingMessage): Message {
  return { key, value: JSON.stringify(value), headers };
}

function* chunksBySize(messages: Message[]): Generator<Message[]> {
  let chunk: Message[] = [];
  let bytes = 0;
  for (const message of messages) {
    const size = Buffer.byteLength(message.value as string) + Buffer.byteLength(String(message.key ?? '')) + 64;
    if (chunk.length > 0 && bytes + size > MAX_REQUEST_BYTES) {
      yield chunk;
      chunk = [];
      bytes = 0;
    }
    chunk.push(message);
    bytes += size;
  }
  if (chunk.length > 0) yield chunk;
}
