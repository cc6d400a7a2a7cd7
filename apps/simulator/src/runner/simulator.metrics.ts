import { makeCounterProvider, makeGaugeProvider } from '@willsoto/nestjs-prometheus';

export const METRIC_EVENTS = 'simulator_events_total';
export const METRIC_RATE = 'simulator_target_rate';

/** Prometheus series of the feed: events by outcome at the sink, and the configured rate. */
export const simulatorMetrics = [
  makeCounterProvider({
    name: METRIC_EVENTS,
    help: 'Feed events by sink outcome (sent, accepted, duplicate, rejected, error)',
    labelNames: ['sink', 'result'],
  }),
  makeGaugeProvider({ name: METRIC_RATE, help: 'Target events per second of the live feed (0 when stopped)' }),
];
