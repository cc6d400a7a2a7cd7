import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { CONSUMER_GROUPS, KafkaBatchConsumers, KafkaTopics, TOPICS, topicSpecs } from '@lib/kafka';
import { BatchApplier } from './batch-applier';
import { StoredOffsetsCheck } from './stored-offsets.check';

const CANONICAL_PARTITIONS = topicSpecs().find((t) => t.name === TOPICS.events)?.partitions ?? 1;

/** The group's name (the deployment's KAFKA_GROUP_PREFIX goes in front). */
export const AGGREGATOR_GROUP = CONSUMER_GROUPS.aggregator;

/**
 * The aggregator's consumer group on the canonical events topic; resumes from offsets kept in
 * PostgreSQL once they are checked against the broker's log (StoredOffsetsCheck).
 */
@Injectable()
export class CanonicalEventsConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: KafkaBatchConsumers,
    private readonly topics: KafkaTopics,
    private readonly storedOffsets: StoredOffsetsCheck,
    private readonly applier: BatchApplier,
  ) {}

  async onApplicationBootstrap() {
    const consumer = this.consumers.create({
      group: AGGREGATOR_GROUP,
      topic: this.topics.name('events'),
      // Every partition's batch can join the transaction being gathered (BatchApplier).
      partitionsConsumedConcurrently: CANONICAL_PARTITIONS,
      maxBytesPerPartition: 512 * 1024,
      resume: (log, assigned) => this.storedOffsets.resume(consumer.groupId, log, assigned),
      handleBatch: (batch) => this.applier.apply(consumer.groupId, batch),
    });
    await consumer.start();
  }
}
