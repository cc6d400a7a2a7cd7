import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { KafkaBatchConsumers, KafkaTopics, TOPICS, topicSpecs } from '@lib/kafka';
import { ConsumerOffsetsRepository } from '../ledger/consumer-offsets.repository';
import { BatchApplier } from './batch-applier';

const CANONICAL_PARTITIONS = topicSpecs().find((t) => t.name === TOPICS.events)?.partitions ?? 1;

/** The aggregator's consumer group on the canonical events topic; resumes from offsets kept in PostgreSQL. */
@Injectable()
export class CanonicalEventsConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: KafkaBatchConsumers,
    private readonly topics: KafkaTopics,
    private readonly offsets: ConsumerOffsetsRepository,
    private readonly applier: BatchApplier,
  ) {}

  async onApplicationBootstrap() {
    const consumer = this.consumers.create({
      group: 'aggregator',
      topic: this.topics.name('events'),
      // Every partition's batch can join the transaction being gathered (BatchApplier).
      partitionsConsumedConcurrently: CANONICAL_PARTITIONS,
      maxBytesPerPartition: 512 * 1024,
      resumeOffsets: (topic, partitions) => this.offsets.load(consumer.groupId, topic, partitions),
      handleBatch: (batch) => this.applier.apply(consumer.groupId, batch),
    });
    await consumer.start();
  }
}
