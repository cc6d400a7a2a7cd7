import Redis from 'ioredis';
import { Partitioners, Producer } from 'kafkajs';
import { Pool } from 'pg';
import type { CanonicalEvent } from '@lib/contracts';
import { createKafkaClient, ensureAcls, ensureTopics, kafkaGrants, TOPICS } from '@lib/kafka';
import { AppProcess, eventually } from '../../support/app-process';
import { Counters, storedCounters } from '../../support/reference-counters';
import { TestEnvironment, testEnvironment } from '../../support/test-environment';
import { deleteTopicsStartingWith } from '../../support/test-resources';

/**
 * One test file's aggregator bed: topics, consumer group and Redis prefix of its own tag (so its
 * aggregators start from an empty topic), on the file's own database (test/setup/isolation.ts).
 */
export class AggregatorTestBed {
  readonly overrides: Record<string, string>;
  readonly env: TestEnvironment;
  readonly topic: string;
  readonly groupId: string;
  readonly pool: Pool;
  readonly redis: Redis;
  private readonly producer: Producer;
  produced = 0;

  constructor(tag: string) {
    const base = testEnvironment();
    this.overrides = {
      // Not under `test-`, which global setup sweeps by run age; these are deleted by teardown().
      KAFKA_TOPIC_PREFIX: `agg${base.KAFKA_TOPIC_PREFIX}${tag}.`,
      KAFKA_GROUP_PREFIX: `${base.KAFKA_GROUP_PREFIX}-${tag}`,
      REDIS_KEY_PREFIX: `${base.REDIS_KEY_PREFIX}${tag}:`,
    };
    this.env = testEnvironment(this.overrides);
    this.topic = this.env.KAFKA_TOPIC_PREFIX + TOPICS.events;
    this.groupId = `${this.env.KAFKA_GROUP_PREFIX}.aggregator`;
    this.pool = new Pool({ connectionString: this.env.DATABASE_URL });
    // Lazy: a skipped file (throughput) constructs its bed but must not leave a connection open.
    this.redis = new Redis(this.env.REDIS_URL, { keyPrefix: this.env.REDIS_KEY_PREFIX, lazyConnect: true });
    this.producer = createKafkaClient(this.env, `test-${tag}`).producer({ idempotent: true, createPartitioner: Partitioners.DefaultPartitioner });
  }

  async setup(): Promise<void> {
    // A broker restarted by an earlier suite may still be electing leaders: retry a few times.
    for (let attempt = 1; ; attempt++) {
      try {
        const kafka = createKafkaClient(this.env, 'test-topics');
        await ensureTopics(kafka, this.env.KAFKA_TOPIC_PREFIX, 1);
        await ensureAcls(kafka, kafkaGrants(this.env.KAFKA_TOPIC_PREFIX, this.env.KAFKA_GROUP_PREFIX));
        break;
      } catch (error) {
        if (attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 2000));
      }
    }
    await this.producer.connect();
  }

  async teardown(): Promise<void> {
    await this.producer.disconnect();
    await deleteTopicsStartingWith(this.env, this.env.KAFKA_TOPIC_PREFIX);
    await this.pool.end();
    this.redis.disconnect();
  }

  aggregator(port: number, extra: Record<string, string> = {}): AppProcess {
    return new AppProcess('aggregator', port, { ...this.overrides, ...extra });
  }

  /** Produces like ingest does: keyed by the institution's county, so an event's versions share a partition. */
  async produce(events: readonly CanonicalEvent[]): Promise<void> {
    for (let i = 0; i < events.length; i += 2000) {
      await this.producer.send({
        topic: this.topic,
        acks: -1,
        messages: events.slice(i, i + 2000).map((e) => ({ key: e.institution.county, value: JSON.stringify(e) })),
      });
    }
    this.produced += events.length;
  }

  /** Messages the aggregator group has committed (sum of the next offsets stored in PostgreSQL). */
  async committed(): Promise<number> {
    const { rows } = await this.pool.query<{ n: string | null }>('SELECT sum(next_offset) AS n FROM consumer_offsets WHERE group_id = $1 AND topic = $2', [
      this.groupId,
      this.topic,
    ]);
    return Number(rows[0].n ?? 0);
  }

  /** Waits until every produced message is committed; returns the milliseconds waited. */
  async settled(timeoutMs = 120_000): Promise<number> {
    const started = Date.now();
    await eventually(
      () => this.committed(),
      (n) => n >= this.produced,
      timeoutMs,
    );
    return Date.now() - started;
  }

  /** Non-zero stored counters of the regions starting with `regionPrefix`. */
  counters(regionPrefix: string): Promise<Counters> {
    return storedCounters(this.pool, regionPrefix);
  }
}
