import { DynamicModule, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TerminusModule } from '@nestjs/terminus';
import { getToken } from '@willsoto/nestjs-prometheus';
import { Kafka } from 'kafkajs';
import type { Histogram } from 'prom-client';
import type { BaseEnvironment } from '@lib/config';
import { KafkaBatchConsumers } from './kafka-batch-consumer';
import { createKafkaClient, KAFKA_CLIENT } from './kafka-client';
import { KafkaConsumersHealthCheck } from './kafka-consumers-health.check';
import { KafkaHealthCheck } from './kafka-health.check';
import { KAFKA_METRICS, METRIC_SENDS_PER_REQUEST } from './kafka-metrics';
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
            createKafkaClient(
              {
                KAFKA_BROKERS: config.get('KAFKA_BROKERS', { infer: true }),
                KAFKA_SASL_MECHANISM: config.get('KAFKA_SASL_MECHANISM', { infer: true }),
                KAFKA_SASL_USERNAME: config.get('KAFKA_SASL_USERNAME', { infer: true }),
                KAFKA_SASL_PASSWORD: config.get('KAFKA_SASL_PASSWORD', { infer: true }),
              },
              clientId,
            ),
        },
        {
          provide: KafkaProducer,
          inject: [KAFKA_CLIENT, ConfigService, getToken(METRIC_SENDS_PER_REQUEST)],
          useFactory: (kafka: Kafka, config: ConfigService<BaseEnvironment, true>, sendsPerRequest: Histogram): KafkaProducer =>
            new KafkaProducer(kafka, {
              lingerMs: config.get('KAFKA_PRODUCER_LINGER_MS', { infer: true }),
              observeRequest: (sends) => sendsPerRequest.observe(sends),
            }),
        },
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
