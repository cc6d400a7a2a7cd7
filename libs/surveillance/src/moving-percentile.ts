import { addDays, daysInMonth, DayId, splitDayId } from '@lib/periods';
import { Signal } from './signal.types';

/**
 * Moving percentile (移动百分位数法, as China's CIDARS): the count of the current 7-day window of a
 * county and disease against the counts of the same window and its neighbours in earlier years.
 */
export interface MovingPercentileParams {
  /** Years of history (3). */
  years: number;
  /** Windows either side of the same window, a week apart (2: five windows a year, 15 in all). */
  neighbourWeeks: number;
  /** Above this percentile of the history: yellow (0.8). */
  yellowPercentile: number;
  /** Above this percentile: red; `null` means above the historical maximum. */
  redPercentile: number | null;
  /** Fewer cases in the window than this never signal (small numbers are noise). */
  minCount: number;
  /** Fewer historical windows than this: no baseline (EARS applies instead). */
  minHistory: number;
}

export const MOVING_PERCENTILE_DEFAULTS: MovingPercentileParams = {
  years: 3,
  neighbourWeeks: 2,
  yellowPercentile: 0.8,
  redPercentile: null,
  minCount: 3,
  minHistory: 10,
};

/**
 * Percentile with linear interpolation between order statistics (Hyndman & Fan type 7, as Excel's
 * PERCENTILE.INC and R's default): h = (n − 1)·p, value = x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋+1 − x⌊h⌋).
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new RangeError('percentile of no values');
  if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile must be in [0, 1]: ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lower = Math.floor(h);
  const upper = Math.min(lower + 1, sorted.length - 1);
  return sorted[lower] + (h - lower) * (sorted[upper] - sorted[lower]);
}

/** The same calendar date `years` earlier (29 February → 28 February). */
function sameDateYearsBefore(day: DayId, years: number): DayId {
  const { year, month, day: d } = splitDayId(day);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year - years, 4)}${pad(month, 2)}${pad(Math.min(d, daysInMonth(year - years, month)), 2)}`;
}

/**
 * Last days of the historical windows for a window ending on `day`: for each earlier year, the
 * same date and the dates `k` weeks before and after it (k ≤ neighbourWeeks). Each window is the
 * 7 days ending on its day, like the current one.
 */
export function baselineWindowEnds(day: DayId, params: Pick<MovingPercentileParams, 'years' | 'neighbourWeeks'> = MOVING_PERCENTILE_DEFAULTS): DayId[] {
  const ends: DayId[] = [];
  for (let y = 1; y <= params.years; y++) {
    const same = sameDateYearsBefore(day, y);
    for (let k = -params.neighbourWeeks; k <= params.neighbourWeeks; k++) ends.push(addDays(same, 7 * k));
  }
  return ends;
}

/** Judges a window count against its history; `null` when the history is too short for a baseline. */
export function movingPercentile(windowCount: number, history: readonly number[], params: Partial<MovingPercentileParams> = {}): Signal | null {
  const p = { ...MOVING_PERCENTILE_DEFAULTS, ...params };
  if (history.length < p.minHistory) return null;
  const yellow = percentile(history, p.yellowPercentile);
  const red = p.redPercentile === null ? Math.max(...history) : percentile(history, p.redPercentile);
  let level: Signal['level'] = 'none';
  if (windowCount >= p.minCount) level = windowCount > red ? 'red' : windowCount > yellow ? 'yellow' : 'none';
  return {
    method: 'moving_percentile',
    level,
    observed: windowCount,
    thresholds: { yellow, red },
    baseline: [...history],
    percentiles: { yellow: p.yellowPercentile, red: p.redPercentile },
  };
}
