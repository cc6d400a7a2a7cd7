import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Admin, Kafka } from 'kafkajs';
import { Gauge } from 'prom-client';
import type { BaseEnvironment } from '@lib/config';
import { consumerGroupId, KAFKA_CLIENT, KafkaTopics } from '@lib/kafka';
import { ConsumerOffsetsRepository } from '../offsets/consumer-offsets.repository';
import { METRIC_CONSUMER_LAG, METRIC_EVENT_AGE } from './aggregator.metrics';
import { AGGREGATOR_GROUP } from './canonical-events.consumer';

const MEASURE_EVERY_MS = 15_000;

/**
 * Consumer lag per partition, measured the way exactly-once defines it: the broker's log end minus
 * the next offset stored in PostgreSQL with the results (not the group's Kafka offsets, which the
 * aggregator does not use). Measured on a clock, so it grows while nothing is consumed (a stuck or
 * stopped aggregator) instead of freezing at the last batch's value; every partition is reported,
 * also those this instance does not own. A caught-up partition's event age is 0.
 */
@Injectable()
export class ConsumerLag implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ConsumerLag.name);
  private readonly groupId: string;
  private readonly topic: string;
  private admin?: Admin;
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    topics: KafkaTopics,
    config: ConfigService<BaseEnvironment, true>,
    private readonly offsets: ConsumerOffsetsRepository,
    @InjectMetric(METRIC_CONSUMER_LAG) private readonly lag: Gauge,
    @InjectMetric(METRIC_EVENT_AGE) private readonly eventAge: Gauge,
  ) {
    this.groupId = consumerGroupId(config.get('KAFKA_GROUP_PREFIX', { infer: true }), AGGREGATOR_GROUP);
    this.topic = topics.name('events');
  }

  onApplicationBootstrap(): void {
    void this.measure();
    this.timer = setInterval(() => void this.measure(), MEASURE_EVERY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.admin?.disconnect().catch(() => undefined);
  }

  /** Sets the gauges; a failure (broker or PostgreSQL away) is logged and leaves them as they were. */
  async measure(): Promise<void> {
    try {
      if (!this.admin) {
        const admin = this.kafka.admin();
        await admin.connect();
        this.admin = admin;
      }
      const [ends, stored] = await Promise.all([this.admin.fetchTopicOffsets(this.topic), this.offsets.loadTopic(this.groupId, this.topic)]);
      const next = new Map(stored.map((s) => [s.partition, BigInt(s.nextOffset)]));
      for (const { partition, high } of ends) {
        const behind = BigInt(high) - (next.get(partition) ?? 0n);
        const labels = { partition: String(partition) };
        this.lag.set(labels, Number(behind > 0n ? behind : 0n));
        if (behind <= 0n) this.eventAge.set(labels, 0);
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'consumer lag not measured');
      await this.admin?.disconnect().catch(() => undefined);
      this.admin = undefined;
    }
  }
}
