import type { CounterKey } from '@lib/indicators';
import { Granularity, granularityOf } from '@lib/periods';

/**
 * Redis layout of the live values (documented in apps/aggregator/README.md):
 *   hash `counter:<indicator>:<level>:<region>:<granularity>:<dims>`, field `<measure>:<period>` →
 *   JSON `{"value":n,"revision":r,"asOf":"ISO"}`.
 * One hash is one dashboard cell's every measure and period of one granularity, so a reader gets a
 * cell's year or month values, including to-date sums, with one HGETALL — without the hundreds of
 * day fields it does not need.
 */
export function liveCounterHash(c: Pick<CounterKey, 'indicator' | 'level' | 'region' | 'dims'> & { granularity: Granularity }): string {
  return `counter:${c.indicator}:${c.level}:${c.region}:${c.granularity}:${c.dims}`;
}

/** The hash of one stored counter. */
export function liveCounterHashOf(c: Pick<CounterKey, 'indicator' | 'level' | 'region' | 'dims' | 'period'>): string {
  return liveCounterHash({ ...c, granularity: granularityOf(c.period) });
}

export function liveCounterField(c: Pick<CounterKey, 'measure' | 'period'>): string {
  return `${c.measure}:${c.period}`;
}

/**
 * Set once the cache holds every counter of PostgreSQL; its absence at startup triggers a refill.
 * v2: hashes per granularity. A cache filled in the earlier layout lacks this marker, so it is refilled.
 */
export const LIVE_COUNTERS_READY = 'counter:@ready:v2';
