import { makeCounterProvider, makeGaugeProvider } from '@willsoto/nestjs-prometheus';

export const METRIC_READS = 'query_computed_reads_total';
export const METRIC_INVALIDATED = 'query_computed_reads_invalidated_total';
export const METRIC_ENTRIES = 'query_computed_reads_entries';
export const METRIC_BYTES = 'query_computed_reads_bytes';

export const COMPUTED_READS_METRICS = [
  makeCounterProvider({
    name: METRIC_READS,
    help: 'Values, ranking and series reads by outcome: hit (cached), joined (a computation under way), miss',
    labelNames: ['outcome'],
  }),
  makeCounterProvider({ name: METRIC_INVALIDATED, help: 'Cached answers dropped, by cause (counters, targets, populations, all)', labelNames: ['cause'] }),
  makeGaugeProvider({ name: METRIC_ENTRIES, help: 'Computed answers held' }),
  makeGaugeProvider({ name: METRIC_BYTES, help: 'Approximate size of the computed answers held (serialised, plus index)' }),
];
