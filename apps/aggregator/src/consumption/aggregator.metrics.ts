import { makeCounterProvider, makeGaugeProvider, makeHistogramProvider } from '@willsoto/nestjs-prometheus';

export const METRIC_EVENTS_APPLIED = 'aggregator_events_applied_total';
export const METRIC_DUPLICATES = 'aggregator_duplicate_events_total';
export const METRIC_STALE = 'aggregator_stale_versions_total';
export const METRIC_MALFORMED = 'aggregator_malformed_messages_total';
export const METRIC_RETRIES = 'aggregator_batch_retries_total';
export const METRIC_BATCH_SECONDS = 'aggregator_batch_seconds';
export const METRIC_BATCH_COUNTERS = 'aggregator_batch_changes';
export const METRIC_COUNTER_CHANGES = 'aggregator_counter_changes_total';
export const METRIC_FOLD_SECONDS = 'aggregator_fold_seconds';
export const METRIC_FOLD_COUNTERS = 'aggregator_fold_keys';
export const METRIC_EVENT_AGE = 'aggregator_last_event_age_seconds';
export const METRIC_CONSUMER_LAG = 'aggregator_consumer_lag_messages';
export const METRIC_OFFSETS_REFUSED = 'aggregator_offsets_refused';

/** The aggregator's Prometheus metrics (served at /metrics). */
export const AGGREGATOR_METRICS = [
  makeCounterProvider({ name: METRIC_EVENTS_APPLIED, help: 'Event versions that became their event’s latest version and moved counters' }),
  makeCounterProvider({ name: METRIC_DUPLICATES, help: 'Event versions already in the ledger (retries, redeliveries): dropped' }),
  makeCounterProvider({ name: METRIC_STALE, help: 'New event versions not above the latest one (late or superseded in the batch): recorded, not counted' }),
  makeCounterProvider({ name: METRIC_MALFORMED, help: 'Canonical messages that did not parse (skipped)' }),
  makeCounterProvider({ name: METRIC_RETRIES, help: 'Batch transactions retried after a serialization failure or deadlock' }),
  makeHistogramProvider({
    name: METRIC_BATCH_SECONDS,
    help: 'Time to apply one partition batch, up to its commit and the refresh of institution feeds in Redis',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  }),
  makeHistogramProvider({
    name: METRIC_BATCH_COUNTERS,
    help: 'Counter changes one transaction appended to the counter log (one per counter key)',
    buckets: [0, 10, 50, 100, 250, 500, 1000, 2500, 5000, 10000],
  }),
  makeCounterProvider({
    name: METRIC_COUNTER_CHANGES,
    help: 'Counter changes appended to the counter log, by how they name their counter: id (remembered from a fold) or key',
    labelNames: ['named'],
  }),
  makeHistogramProvider({
    name: METRIC_FOLD_SECONDS,
    help: 'Time to fold the counter log into the counters, Redis and change feed included',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  }),
  makeHistogramProvider({
    name: METRIC_FOLD_COUNTERS,
    help: 'Counters one fold changed (one write per counter, however many batches changed it)',
    buckets: [0, 10, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 25000],
  }),
  makeGaugeProvider({
    name: METRIC_EVENT_AGE,
    help: 'Consumer lag in time: now minus the Kafka timestamp of the last message of the latest batch, per partition; 0 once caught up',
    labelNames: ['partition'],
  }),
  makeGaugeProvider({
    name: METRIC_CONSUMER_LAG,
    help: 'Messages of the canonical topic not yet applied, per partition: log end minus the next offset stored with the results (every 15 s)',
    labelNames: ['partition'],
  }),
];

/** Provided by StoredOffsetsModule (its health check shares the state), not with the others. */
export const OFFSETS_REFUSED_METRIC = makeGaugeProvider({
  name: METRIC_OFFSETS_REFUSED,
  help: 'Partitions whose stored offsets do not point into the broker’s log of the topic (other cluster, past its end, below its start): nothing of the topic is applied until an operator re-seeds; 0 when consuming',
  labelNames: ['topic'],
});
