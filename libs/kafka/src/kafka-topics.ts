import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Kafka } from 'kafkajs';
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

  /** Creates the project's topics that do not exist yet, with their partitions and configs. */
  async ensureAll(): Promise<string[]> {
    return ensureTopics(this.kafka, this.prefix, this.replicationFactor, (m) => this.logger.log(m));
  }
}

export async function ensureTopics(
  kafka: Kafka,
  prefix: string,
  replicationFactor: number,
  log: (message: string) => void = () => undefined,
): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topicSpecs(prefix, replicationFactor).filter((spec) => !existing.has(spec.name));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((spec) => ({
          topic: spec.name,
          numPartitions: spec.partitions,
          replicationFactor,
          configEntries: Object.entries(spec.config).map(([name, value]) => ({ name, value })),
        })),
      });
      log(`created topics ${missing.map((spec) => spec.name).join(', ')}`);
    }
    return missing.map((spec) => spec.name);
  } finally {
    await admin.disconnect();
  }
}
