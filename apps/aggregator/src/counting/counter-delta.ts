import type { CounterKey } from '@lib/indicators';

/** An amount to add to one stored counter. */
export interface CounterDelta extends CounterKey {
  delta: number;
}

/** A transaction's sum for one counter, with the key of the counter's cell (`counterCellKey`). */
export interface SummedCounter extends CounterDelta {
  readonly cellKey: string;
}

/** A counter's value after a committed change: `revision` orders changes of one row, `asOf` is when it changed. */
export interface CounterValue extends CounterKey {
  value: number;
  revision: number;
  asOf: string;
}
