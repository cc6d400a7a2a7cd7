import { DynamicModule, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TerminusModule } from '@nestjs/terminus';
import { Kafka } from 'kafkajs';
import type { BaseEnvironment } from '@lib/config';
import { KafkaBatchConsumers } from './kafka-batch-consumer';
import { createKafkaClient, KAFKA_CLIENT } from './kafka-client';
import { KafkaConsumersHealthCheck } from './kafka-consumers-health.check';
import { KafkaHealthCheck } from './kafka-health.check';
import { KAFKA_METRICS } from './kafka-metrics';
import { KafkaProducer } from './kafka-producer';
import { KafkaTopics } from './kafka-topics';

/**
 * The project's one Kafka library: every use of the client (kafkajs today, no longer maintained)
 * goes through it, so the client can be swapped in one place.
 */
@Module({})
export class KafkaModule {
  /** @param clientId the app's name, as brokers see it in their logs and quotas */
  static forApp(clientId: string): DynamicModule {
    return {
      module: KafkaModule,
      global: true,
      imports: [TerminusModule],
      providers: [
        {
          provide: KAFKA_CLIENT,
          inject: [ConfigService],
          useFactory: (config: ConfigService<BaseEnvironment, true>): Kafka =>
            createKafkaClient(config.get('KAFKA_BROKERS', { infer: true }), clientId),
        },
        KafkaProducer,
        KafkaTopics,
        KafkaHealthCheck,
        KafkaConsumersHealthCheck,
        KafkaBatchConsumers,
        ...KAFKA_METRICS,
      ],
      exports: [KAFKA_CLIENT, KafkaProducer, KafkaTopics, KafkaHealthCheck, KafkaConsumersHealthCheck, KafkaBatchConsumers],
    };
  }
}
