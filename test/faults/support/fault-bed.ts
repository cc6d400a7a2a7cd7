import Redis from 'ioredis';
import { Pool } from 'pg';
import { createKafkaClient, ensureAcls, ensureTopics, kafkaGrants, TopicKey, TOPICS } from '@lib/kafka';
import { AppName, AppProcess } from '../../support/app-process';
import { TestEnvironment, testEnvironment, testRunId } from '../../support/test-environment';
import { deleteTopicsStartingWith } from '../../support/test-resources';

/**
 * One fault test's own slice of the shared infrastructure: its own topics (so "everything on the
 * canonical topic" means this test's events only), consumer groups and Redis key prefix, on the test
 * file's own database (test/setup/isolation.ts). teardown() deletes its topics.
 */
export class FaultBed {
  readonly overrides: Record<string, string>;
  readonly env: TestEnvironment;
  readonly pool: Pool;
  readonly redis: Redis;

  constructor(tag: string, extra: Record<string, string> = {}) {
    const run = testRunId();
    this.overrides = {
      KAFKA_TOPIC_PREFIX: `faults-${run}-${tag}.`,
      KAFKA_GROUP_PREFIX: `faults-${run}-${tag}`,
      REDIS_KEY_PREFIX: `test-${run}:faults-${tag}:`,
      ...extra,
    };
    this.env = testEnvironment(this.overrides);
    this.pool = new Pool({ connectionString: this.env.DATABASE_URL, max: 4 });
    // A PostgreSQL restart breaks idle connections: the pool reports it as an 'error' event, which
    // would crash the test process without a listener. The next query gets a new connection.
    this.pool.on('error', () => undefined);
    // No keyPrefix: the Redis checks scan and delete this bed's prefix explicitly.
    this.redis = new Redis(this.env.REDIS_URL, { lazyConnect: true });
  }

  topic(key: TopicKey): string {
    return this.env.KAFKA_TOPIC_PREFIX + TOPICS[key];
  }

  async setup(): Promise<void> {
    const kafka = createKafkaClient(this.env, 'faults-topics');
    await ensureTopics(kafka, this.env.KAFKA_TOPIC_PREFIX, 1);
    await ensureAcls(kafka, kafkaGrants(this.env.KAFKA_TOPIC_PREFIX, this.env.KAFKA_GROUP_PREFIX));
  }

  app(name: AppName, port: number, extra: Record<string, string> = {}): AppProcess {
    return new AppProcess(name, port, { ...this.overrides, ...extra });
  }

  async teardown(): Promise<void> {
    await deleteTopicsStartingWith(this.env, this.env.KAFKA_TOPIC_PREFIX);
    await this.pool.end();
    this.redis.disconnect();
  }
}
