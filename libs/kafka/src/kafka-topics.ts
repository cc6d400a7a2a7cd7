import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Admin, Kafka } from 'kafkajs';
import type { BaseEnvironment } from '@lib/config';
import { KAFKA_CLIENT } from './kafka-client';
import { TopicKey, TOPICS, topicSpecs } from './topics';

/** Topic names with this deployment's prefix, and their creation (idempotent). */
@Injectable()
export class KafkaTopics {
  private readonly logger = new Logger(KafkaTopics.name);
  private readonly prefix: string;
  private readonly replicationFactor: number;

  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    config: ConfigService<BaseEnvironment, true>,
  ) {
    this.prefix = config.get('KAFKA_TOPIC_PREFIX', { infer: true });
    this.replicationFactor = config.get('KAFKA_REPLICATION_FACTOR', { infer: true });
  }

  name(topic: TopicKey): string {
    return this.prefix + TOPICS[topic];
  }

  /**
   * How many partitions the broker holds for the topic (topic metadata): `topicSpecs()` gives only
   * the count a topic is created with, and an operator may add partitions to it later.
   */
  async partitionCount(topic: TopicKey): Promise<number> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const name = this.name(topic);
      const { topics } = await admin.fetchTopicMetadata({ topics: [name] });
      const count = topics.find((t) => t.name === name)?.partitions.length ?? 0;
      if (count === 0) throw new Error(`the broker holds no partitions of ${name}: run provision (node dist/tools/provision.js) first`);
      return count;
    } finally {
      await admin.disconnect();
    }
  }

  /** Creates the project's topics that do not exist yet, with their partitions and configs. */
  async ensureAll(): Promise<string[]> {
    return ensureTopics(this.kafka, this.prefix, this.replicationFactor, (m) => this.logger.log(m));
  }
}

/** How long ensureTopics waits for the broker to serve every topic with a leader on each partition. */
const TOPICS_READY_TIMEOUT_MS = 30_000;
/** Metadata answers that mean "not served yet": a topic just created, leaders still being elected. */
const NOT_READY = new Set(['UNKNOWN_TOPIC_OR_PARTITION', 'LEADER_NOT_AVAILABLE']);

/**
 * Creates the project's topics that do not exist yet and returns once the broker serves every one
 * of them (a leader on each partition), so the caller can produce and consume right away.
 */
export async function ensureTopics(
  kafka: Kafka,
  prefix: string,
  replicationFactor: number,
  log: (message: string) => void = () => undefined,
): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const specs = topicSpecs(prefix, replicationFactor);
    const existing = new Set(await admin.listTopics());
    const missing = specs.filter((spec) => !existing.has(spec.name));
    if (missing.length > 0) {
      // Not kafkajs's waitForLeaders: it gives up on UNKNOWN_TOPIC_OR_PARTITION, which a KRaft broker
      // answers until the new topic reaches its metadata cache (seen whenever the broker is busy).
      await admin.createTopics({
        waitForLeaders: false,
        topics: missing.map((spec) => ({
          topic: spec.name,
          numPartitions: spec.partitions,
          replicationFactor,
          configEntries: Object.entries(spec.config).map(([name, value]) => ({ name, value })),
        })),
      });
      log(`created topics ${missing.map((spec) => spec.name).join(', ')}`);
    }
    await waitUntilServed(
      admin,
      specs.map((spec) => spec.name),
    );
    return missing.map((spec) => spec.name);
  } finally {
    await admin.disconnect();
  }
}

async function waitUntilServed(admin: Admin, topics: string[]): Promise<void> {
  const deadline = Date.now() + TOPICS_READY_TIMEOUT_MS;
  let last: string;
  for (;;) {
    try {
      const { topics: served } = await admin.fetchTopicMetadata({ topics });
      const ready = (name: string) => {
        const partitions = served.find((t) => t.name === name)?.partitions ?? [];
        return partitions.length > 0 && partitions.every((p) => p.leader >= 0);
      };
      const waiting = topics.filter((name) => !ready(name));
      if (waiting.length === 0) return;
      last = `no leader yet for ${waiting.join(', ')}`;
    } catch (error) {
      if (!notReady(error)) throw error;
      last = (error as Error).message;
    }
    if (Date.now() >= deadline) throw new Error(`topics not served by the broker within ${TOPICS_READY_TIMEOUT_MS} ms (${last}): ${topics.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** kafkajs wraps a protocol error it gave up on (its cause): look through the chain. */
function notReady(error: unknown): boolean {
  for (let e = error as { type?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.type !== undefined && NOT_READY.has(e.type)) return true;
  }
  return false;
}
