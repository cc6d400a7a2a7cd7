import { Contribution, rollUpAll } from '@lib/indicators';
import { CounterDelta, counterStorageKey } from './counter-delta';

/**
 * Base-level deltas → one amount per stored counter: rolled up to every level, summed per storage
 * key (the institution's county is not part of it), zeros dropped. Sorted by key so that every
 * transaction writes (and row-locks) shared counters — the city and province rows every county's
 * batch touches — in the same order, which rules out deadlocks between concurrent batches.
 */
export function toCounterDeltas(deltas: readonly Contribution[]): CounterDelta[] {
  const merged = new Map<string, CounterDelta>();
  for (const c of rollUpAll(deltas)) {
    const row: CounterDelta = { indicator: c.indicator, measure: c.measure, level: c.level, region: c.region, period: c.period, dims: c.dims, delta: c.delta };
    const key = counterStorageKey(row);
    const seen = merged.get(key);
    if (seen) seen.delta += c.delta;
    else merged.set(key, row);
  }
  return [...merged]
    .filter(([, row]) => row.delta !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, row]) => row);
}
