import { makeCounterProvider, makeHistogramProvider } from '@willsoto/nestjs-prometheus';

export const METRIC_EVENTS = 'ingest_events_total';
export const METRIC_REJECTIONS = 'ingest_rejections_total';
export const METRIC_PRODUCE_SECONDS = 'ingest_produce_seconds';
export const METRIC_DEAD_LETTERS = 'ingest_dead_letters_total';

export const INTAKE_METRICS = [
  makeCounterProvider({ name: METRIC_EVENTS, help: 'Events received, by door and outcome', labelNames: ['door', 'result'] }),
  makeCounterProvider({ name: METRIC_REJECTIONS, help: 'Rejection reasons, by door and code', labelNames: ['door', 'code'] }),
  makeCounterProvider({
    name: METRIC_DEAD_LETTERS,
    help: 'Records written to the dead-letter topic, by the first reason (unreadable messages included: invalid_json, undecodable_batch, ...)',
    labelNames: ['code'],
  }),
  makeHistogramProvider({
    name: METRIC_PRODUCE_SECONDS,
    help: 'Time to make a request’s events durable on the canonical topic (acks from all in-sync replicas)',
    labelNames: ['door'],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  }),
];
