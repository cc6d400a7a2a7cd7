import type { ConfigService } from '@nestjs/config';
import type { BatchConsumerOptions, KafkaBatchConsumers, KafkaTopics } from '@lib/kafka';
import { AggregatorEnvironment } from '../aggregator.environment';
import type { BatchApplier } from './batch-applier';
import { CanonicalEventsConsumer } from './canonical-events.consumer';
import type { StoredOffsetsCheck } from '../offsets/stored-offsets.check';

/** The consumer's options as the aggregator creates them, against a broker holding `partitions` partitions of the topic. */
async function consumerOptions(partitions: number, settings: Partial<AggregatorEnvironment> = {}): Promise<BatchConsumerOptions> {
  let created: BatchConsumerOptions | undefined;
  const consumers = {
    create: (options: BatchConsumerOptions) => {
      created = options;
      return { groupId: 'health.aggregator', start: () => Promise.resolve() };
    },
  } as unknown as KafkaBatchConsumers;
  const topics = { name: () => 'health.events.v1', partitionCount: () => Promise.resolve(partitions) } as unknown as KafkaTopics;
  const environment = { ...new AggregatorEnvironment(), ...settings };
  const config = { get: (key: keyof AggregatorEnvironment) => environment[key] } as unknown as ConfigService<AggregatorEnvironment, true>;
  await new CanonicalEventsConsumer(consumers, topics, {} as StoredOffsetsCheck, {} as BatchApplier, config).onApplicationBootstrap();
  return created!;
}

describe('CanonicalEventsConsumer', () => {
  it('hands over as many partitions at once as the broker holds, not the count the topic was created with', async () => {
    expect((await consumerOptions(12)).partitionsConsumedConcurrently).toBe(12);
    expect((await consumerOptions(20)).partitionsConsumedConcurrently).toBe(20);
  });

  it('fetches AGGREGATOR_FETCH_BYTES_PER_PARTITION of each partition (512 KiB unless configured)', async () => {
    expect((await consumerOptions(12)).maxBytesPerPartition).toBe(512 * 1024);
    expect((await consumerOptions(12, { AGGREGATOR_FETCH_BYTES_PER_PARTITION: 65_536 })).maxBytesPerPartition).toBe(65_536);
  });
});
