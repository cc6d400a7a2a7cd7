import type { HealthEvent } from '@lib/contracts';
import type { OutgoingMessage } from '@lib/kafka';
import { emptyTally, type EventSink, type SinkTally } from './event-sink';

/** The part of `KafkaProducer` the sink needs (so the CLI can pass one built outside Nest). */
export interface RawProducer {
  send(topic: string, messages: OutgoingMessage[]): Promise<void>;
}

/**
 * The raw Kafka door (`health.events.raw.v1`), as an institution producing directly would use it:
 * key = institutionId. Ingest's raw-door consumer validates; results are not answered here, so
 * everything the broker took counts as `accepted` by the broker (rejections land in the DLQ).
 */
export class KafkaSink implements EventSink {
  readonly name = 'kafka';

  constructor(
    private readonly producer: RawProducer,
    private readonly topic: string,
    private readonly batchSize: number,
    private readonly close_: () => Promise<void> = async () => undefined,
  ) {}

  async send(events: HealthEvent[]): Promise<SinkTally> {
    const tally = emptyTally();
    for (let i = 0; i < events.length; i += this.batchSize) {
      const chunk = events.slice(i, i + this.batchSize);
      tally.sent += chunk.length;
      try {
        await this.producer.send(this.topic, chunk.map((event) => ({ key: event.institutionId, value: event })));
        tally.accepted += chunk.length;
      } catch {
        // The producer already retried (bounded); what it gave up on is an error here, and the feed moves on.
        tally.errors += chunk.length;
      }
    }
    return tally;
  }

  async close(): Promise<void> {
    await this.close_();
  }
}
