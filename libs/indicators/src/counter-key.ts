import type { Measure, RegionLevel } from './indicator.types';

/**
 * What one counter is keyed by: a row of indicator_counters (written by the aggregator) and a field
 * of a live counter hash in Redis (read by query, see @lib/indicator-readings' live-counter-keys).
 */
export interface CounterKey {
  indicator: string;
  measure: Measure;
  level: RegionLevel;
  region: string;
  period: string;
  dims: string;
}

/** The dashboard cell a counter belongs to: one region's counters of one indicator and dims, every measure and period. */
export type CounterCell = Pick<CounterKey, 'indicator' | 'level' | 'region' | 'dims'>;

/**
 * A cell as one string, for maps: its fields joined by NUL, which none of them can hold (ingest
 * refuses it). The storage keys of its counters begin with it.
 */
export function counterCellKey(c: CounterCell): string {
  return `${c.indicator}\u0000${c.level}\u0000${c.region}\u0000${c.dims}`;
}

/** A counter key as one string, for maps and sorting. */
export function counterStorageKey(c: CounterKey): string {
  return counterStorageKeyInCell(counterCellKey(c), c.measure, c.period);
}

/** The storage key of one of a cell's counters, from the cell's key (for callers that keep cell keys, e.g. per roll-up level). */
export function counterStorageKeyInCell(cellKey: string, measure: Measure, period: string): string {
  return `${cellKey}\u0000${measure}\u0000${period}`;
}
