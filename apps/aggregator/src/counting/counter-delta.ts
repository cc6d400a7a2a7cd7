import type { Measure, RegionLevel } from '@lib/indicators';

/** The storage key of one counter: what indicator_counters is keyed by. */
export interface CounterKey {
  indicator: string;
  measure: Measure;
  level: RegionLevel;
  region: string;
  period: string;
  dims: string;
}

/** An amount to add to one stored counter. */
export interface CounterDelta extends CounterKey {
  delta: number;
}

/** A counter's value after a committed change: `revision` orders changes of one row, `asOf` is when it changed. */
export interface CounterValue extends CounterKey {
  value: number;
  revision: number;
  asOf: string;
}

export function counterStorageKey(c: CounterKey): string {
  return [c.indicator, c.level, c.region, c.dims, c.measure, c.period].join('\u0000');
}
