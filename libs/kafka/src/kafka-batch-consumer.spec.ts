import { EventEmitter } from 'node:events';
import { Logger } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { Kafka } from 'kafkajs';
import { Counter, Registry } from 'prom-client';
import { BatchConsumer, ConsumerMetrics, KafkaBatchConsumers } from './kafka-batch-consumer';
import { KafkaConsumersHealthCheck } from './kafka-consumers-health.check';

/** The part of a kafkajs consumer BatchConsumer drives, with its events emitted by hand. */
class FakeConsumer extends EventEmitter {
  readonly events = { GROUP_JOIN: 'consumer.group_join', CRASH: 'consumer.crash' };
  readonly connect = jest.fn(() => Promise.resolve());
  readonly subscribe = jest.fn(() => Promise.resolve());
  readonly run = jest.fn(() => Promise.resolve());
  readonly disconnect = jest.fn(() => Promise.resolve());

  joined(): void {
    this.emit(this.events.GROUP_JOIN, { payload: { memberAssignment: { raw: [0, 1] } } });
  }

  crash(restart: boolean): void {
    this.emit(this.events.CRASH, { payload: { error: new Error('KafkaJSNotImplemented: LZ4 compression not implemented'), restart } });
  }
}

function metrics(): ConsumerMetrics & { registry: Registry } {
  const registry = new Registry();
  return {
    registry,
    undecodableBatches: new Counter({ name: 'undecodable', help: '-', labelNames: ['topic', 'codec', 'reason'], registers: [registry] }),
    crashes: new Counter({ name: 'crashes', help: '-', labelNames: ['group', 'restart'], registers: [registry] }),
  };
}

describe('BatchConsumer after a crash', () => {
  let fake: FakeConsumer;
  let consumer: BatchConsumer;
  let health: KafkaConsumersHealthCheck;
  let counters: ReturnType<typeof metrics>;

  beforeAll(() => Logger.overrideLogger(false));

  beforeEach(async () => {
    jest.useFakeTimers();
    fake = new FakeConsumer();
    counters = metrics();
    consumer = new BatchConsumer(
      { consumer: () => fake } as unknown as Kafka,
      'health.ingest-raw',
      { group: 'ingest-raw', topic: 'raw', handleBatch: () => Promise.resolve() },
      counters,
    );
    const consumers = { all: () => [consumer] } as unknown as KafkaBatchConsumers;
    health = new KafkaConsumersHealthCheck(consumers, new HealthIndicatorService());
    await consumer.start();
    fake.joined();
  });

  afterEach(() => jest.useRealTimers());

  it('is healthy while consuming', () => {
    expect(consumer.state).toEqual({ status: 'consuming' });
    expect(health.check()).toEqual({ kafkaConsumers: { status: 'up', consumers: 1 } });
  });

  it('fails health when kafkajs gives up, restarts itself, and is healthy again once it has joined', async () => {
    fake.crash(false);
    expect(health.check()).toMatchObject({
      kafkaConsumers: { status: 'down', crashed: [{ group: 'health.ingest-raw', topic: 'raw', error: expect.stringContaining('LZ4') }] },
    });
    expect(fake.run).toHaveBeenCalledTimes(1);

    await jest.advanceTimersByTimeAsync(1000);
    expect(fake.disconnect).toHaveBeenCalledTimes(1);
    expect(fake.connect).toHaveBeenCalledTimes(2);
    expect(fake.run).toHaveBeenCalledTimes(2);
    expect(consumer.state.status).toBe('crashed'); // running again, not yet in the group

    fake.joined();
    expect(health.check()).toEqual({ kafkaConsumers: { status: 'up', consumers: 1 } });
    expect(await counters.registry.getSingleMetricAsString('crashes')).toContain('crashes{group="health.ingest-raw",restart="consumer"} 1');
  });

  it('waits longer after each crash in a row', async () => {
    fake.crash(false);
    await jest.advanceTimersByTimeAsync(1000);
    fake.crash(false);
    await jest.advanceTimersByTimeAsync(1999);
    expect(fake.run).toHaveBeenCalledTimes(2);
    await jest.advanceTimersByTimeAsync(1);
    expect(fake.run).toHaveBeenCalledTimes(3);
  });

  it('leaves a retriable crash to kafkajs but fails health until the consumer is back', async () => {
    fake.crash(true);
    expect(health.check().kafkaConsumers.status).toBe('down');
    await jest.advanceTimersByTimeAsync(120_000);
    expect(fake.run).toHaveBeenCalledTimes(1);
    fake.joined();
    expect(health.check().kafkaConsumers.status).toBe('up');
  });

  it('does not restart once stopped', async () => {
    fake.crash(false);
    await consumer.stop();
    await jest.advanceTimersByTimeAsync(120_000);
    expect(fake.run).toHaveBeenCalledTimes(1);
  });
});
