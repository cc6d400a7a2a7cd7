import { makeCounterProvider } from '@willsoto/nestjs-prometheus';

export const METRIC_UNDECODABLE_BATCHES = 'kafka_undecodable_batches_total';
export const METRIC_CONSUMER_CRASHES = 'kafka_consumer_crashes_total';

export const KAFKA_METRICS = [
  makeCounterProvider({
    name: METRIC_UNDECODABLE_BATCHES,
    help: 'Record batches skipped because they could not be decompressed (reason: too_large, corrupt), by topic and codec',
    labelNames: ['topic', 'codec', 'reason'],
  }),
  makeCounterProvider({
    name: METRIC_CONSUMER_CRASHES,
    help: 'Kafka consumer crashes, by group and by who restarts it (kafkajs itself, or the consumer after kafkajs gave up)',
    labelNames: ['group', 'restart'],
  }),
];
