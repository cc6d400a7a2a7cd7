import { HealthIndicatorService } from '@nestjs/terminus';
import { Partitioners } from 'kafkajs';
import { Counter, Registry } from 'prom-client';
import { BatchConsumer, ConsumedMessage, createKafkaClient, KafkaBatchConsumers, KafkaConsumersHealthCheck } from '@lib/kafka';
import { eventually } from '../support/app-process';
import { FaultBed } from './support/fault-bed';

/**
 * A consumer kafkajs gives up on (CRASH with restart: false — here after a TypeError in the
 * handler, which kafkajs deems unrecoverable) fails health, restarts itself on the real broker,
 * and consumes from where it stopped: the message that met the bug is handled once it is gone.
 */
describe('a Kafka consumer that kafkajs gave up on', () => {
  const bed = new FaultBed('consumer-restart');
  const registry = new Registry();
  const crashes = new Counter({ name: 'crashes', help: '-', labelNames: ['group', 'restart'], registers: [registry] });
  const undecodableBatches = new Counter({ name: 'undecodable', help: '-', labelNames: ['topic', 'codec', 'reason'], registers: [registry] });
  let consumer: BatchConsumer;

  beforeAll(() => bed.setup());

  afterAll(async () => {
    await consumer?.stop();
    await bed.teardown();
  });

  it('fails health, restarts, and then consumes the message it crashed on', async () => {
    const kafka = createKafkaClient(bed.env, 'faults-consumer-restart');
    const topic = bed.topic('alerts'); // this bed's own, consumed by nothing else
    let bugs = 2;
    const handled: ConsumedMessage[] = [];
    consumer = new BatchConsumer(
      kafka,
      `${bed.env.KAFKA_GROUP_PREFIX}.restart`,
      {
        group: 'restart',
        topic,
        sessionTimeoutMs: 10_000,
        handleBatch: (batch) => {
          if (bugs-- > 0) return Promise.reject(new TypeError('a bug in the handler'));
          handled.push(...batch.messages);
          return Promise.resolve();
        },
      },
      { crashes, undecodableBatches },
    );
    const health = new KafkaConsumersHealthCheck({ all: () => [consumer] } as unknown as KafkaBatchConsumers, new HealthIndicatorService());
    await consumer.start();

    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({ topic, acks: -1, messages: [{ key: 'k', value: 'the message' }] });
    await producer.disconnect();

    const down = await eventually(
      () => health.check(),
      (r) => r.kafkaConsumers.status === 'down',
    );
    expect(down.kafkaConsumers).toMatchObject({ crashed: [{ topic, error: expect.stringContaining('a bug in the handler') }] });

    await eventually(
      () => handled.length,
      (n) => n === 1,
      60_000,
    );
    expect(handled.map((m) => m.value?.toString())).toEqual(['the message']);
    expect(health.check().kafkaConsumers.status).toBe('up');
    expect(await registry.getSingleMetricAsString('crashes')).toMatch(/restart="consumer"\} 2/);
  }, 90_000);
});
