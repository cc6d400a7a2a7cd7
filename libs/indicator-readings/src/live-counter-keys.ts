import type { CounterRow } from '@lib/indicators';

type CounterKey = Omit<CounterRow, 'value'>;

/**
 * Redis layout of the live values (documented in apps/aggregator/README.md):
 *   hash `counter:<indicator>:<level>:<region>:<dims>`, field `<measure>:<period>` →
 *   JSON `{"value":n,"revision":r,"asOf":"ISO"}`.
 * One hash is one dashboard cell's every measure and period, so a reader gets a cell, including
 * year-to-date sums, with one HGETALL.
 */
export function liveCounterHash(c: Pick<CounterKey, 'indicator' | 'level' | 'region' | 'dims'>): string {
  return `counter:${c.indicator}:${c.level}:${c.region}:${c.dims}`;
}

export function liveCounterField(c: Pick<CounterKey, 'measure' | 'period'>): string {
  return `${c.measure}:${c.period}`;
}

/** Set once the cache holds every counter of PostgreSQL; its absence at startup triggers a refill. */
export const LIVE_COUNTERS_READY = 'counter:@ready';
