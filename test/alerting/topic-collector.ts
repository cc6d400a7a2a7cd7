import { Consumer } from 'kafkajs';
import { createKafkaClient, KafkaConnection } from '@lib/kafka';

/** A live consumer of one topic that keeps every message with the time it arrived (for latency). */
export class TopicCollector {
  readonly messages: { key: string | null; value: Record<string, unknown>; at: number }[] = [];
  private consumer?: Consumer;

  constructor(
    private readonly connection: KafkaConnection,
    private readonly topic: string,
  ) {}

  async start(): Promise<this> {
    const kafka = createKafkaClient(this.connection, 'alerts-collector');
    this.consumer = kafka.consumer({ groupId: `alerts-collector-${Date.now()}`, maxWaitTimeInMs: 50 });
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.topic, fromBeginning: true });
    let joined: () => void;
    const ready = new Promise<void>((resolve) => (joined = resolve));
    this.consumer.on(this.consumer.events.GROUP_JOIN, () => joined());
    await this.consumer.run({
      eachMessage: ({ message }) => {
        this.messages.push({ key: message.key?.toString() ?? null, value: JSON.parse(message.value?.toString() ?? '{}'), at: Date.now() });
        return Promise.resolve();
      },
    });
    await ready;
    return this;
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
