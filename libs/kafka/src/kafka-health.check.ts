import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { Admin, Kafka } from 'kafkajs';
import { KAFKA_CLIENT } from './kafka-client';

/** Kafka is up when a metadata request to the cluster succeeds. */
@Injectable()
export class KafkaHealthCheck {
  private admin?: Admin;

  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    private readonly indicator: HealthIndicatorService,
  ) {}

  async check() {
    const kafka = this.indicator.check('kafka');
    try {
      this.admin ??= this.kafka.admin();
      await this.admin.connect();
      const cluster = await this.admin.describeCluster();
      return kafka.up({ brokers: cluster.brokers.length });
    } catch (error) {
      this.admin = undefined;
      return kafka.down({ message: (error as Error).message });
    }
  }
}
