import type { CounterKey } from '@lib/indicators';

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
