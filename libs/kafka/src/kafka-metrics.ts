import { makeCounterProvider, makeHistogramProvider } from '@willsoto/nestjs-prometheus';

export const METRIC_UNDECODABLE_BATCHES = 'kafka_undecodable_batches_total';
export const METRIC_CONSUMER_CRASHES = 'kafka_consumer_crashes_total';
export const METRIC_SENDS_PER_REQUEST = 'kafka_producer_sends_per_request';

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
  makeHistogramProvider({
    name: METRIC_SENDS_PER_REQUEST,
    help: 'Sends carried by one produce request (gathered while the previous one was in flight, or within KAFKA_PRODUCER_LINGER_MS)',
    buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500],
  }),
];
