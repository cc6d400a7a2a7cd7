import { makeCounterProvider, makeHistogramProvider } from '@willsoto/nestjs-prometheus';

export const METRIC_ALERT_TRANSITIONS = 'alerting_alert_transitions_total';
export const METRIC_WEBHOOK_DELIVERIES = 'alerting_webhook_deliveries_total';
export const METRIC_WEBHOOK_SECONDS = 'alerting_webhook_delivery_seconds';

/** The alerting app's Prometheus metrics (served at /metrics). */
export const ALERTING_METRICS = [
  makeCounterProvider({
    name: METRIC_ALERT_TRANSITIONS,
    help: 'Alert transitions committed (pending, firing, repeat, escalated, acknowledged, resolved, cleared), by alert kind (indicator, feed_stale, ...)',
    labelNames: ['transition', 'kind'],
  }),
  makeCounterProvider({
    name: METRIC_WEBHOOK_DELIVERIES,
    help: 'Webhook delivery attempts by outcome: delivered, failed (retried later), dead_lettered (attempts exhausted or webhook removed)',
    labelNames: ['outcome'],
  }),
  makeHistogramProvider({
    name: METRIC_WEBHOOK_SECONDS,
    help: 'Time of one webhook delivery attempt, from sending to the receiver’s answer (or the timeout), by outcome',
    labelNames: ['outcome'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
  }),
];
