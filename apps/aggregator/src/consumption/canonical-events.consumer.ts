import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CONSUMER_GROUPS, KafkaBatchConsumers, KafkaTopics } from '@lib/kafka';
import type { AggregatorEnvironment } from '../aggregator.environment';
import { BatchApplier } from './batch-applier';
import { StoredOffsetsCheck } from '../offsets/stored-offsets.check';

/** The group's name (the deployment's KAFKA_GROUP_PREFIX goes in front). */
export const AGGREGATOR_GROUP = CONSUMER_GROUPS.aggregator;

/**
 * The aggregator's consumer group on the canonical events topic; resumes from offsets kept in
 * PostgreSQL once they are checked against the broker's log (StoredOffsetsCheck).
 */
@Injectable()
export class CanonicalEventsConsumer implements OnApplicationBootstrap {
  private readonly fetchBytesPerPartition: number;

  constructor(
    private readonly consumers: KafkaBatchConsumers,
    private readonly topics: KafkaTopics,
    private readonly storedOffsets: StoredOffsetsCheck,
    private readonly applier: BatchApplier,
    config: ConfigService<AggregatorEnvironment, true>,
  ) {
    this.fetchBytesPerPartition = config.get('AGGREGATOR_FETCH_BYTES_PER_PARTITION', { infer: true });
  }

  async onApplicationBootstrap() {
    const consumer = this.consumers.create({
      group: AGGREGATOR_GROUP,
      topic: this.topics.name('events'),
      // Every partition's batch can join the transaction being gathered (BatchApplier): as many as
      // the broker holds for the topic at start (an operator may have added partitions).
      partitionsConsumedConcurrently: await this.topics.partitionCount('events'),
      maxBytesPerPartition: this.fetchBytesPerPartition,
      resume: (log, assigned) => this.storedOffsets.resume(consumer.groupId, log, assigned),
      handleBatch: (batch) => this.applier.apply(consumer.groupId, batch),
    });
    await consumer.start();
  }
}
