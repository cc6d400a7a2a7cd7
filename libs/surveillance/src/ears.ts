import { Signal } from './signal.types';

/**
 * EARS C1, C2, C3 (CDC Early Aberration Reporting System; Hutwagner et al. 2003), for a county or
 * disease without the years of history a moving percentile needs. `series` is daily counts, oldest
 * first, ending with the day judged (t).
 *
 * - C1: baseline t−7…t−1; C1 = (x_t − mean) / sd.
 * - C2: baseline t−9…t−3 (two guard days keep an outbreak's start out of its own baseline).
 * - C3: C2 of t, t−1, t−2, each less 1 and floored at 0, summed.
 * sd is the sample standard deviation (n − 1), floored at `minSigma` so a flat baseline of zeros
 * does not divide by zero. C1 and C2 signal above 3, C3 above 2.
 */
export interface EarsParams {
  minSigma: number;
  threshold: { c1: number; c2: number; c3: number };
  /** Fewer cases on the day than this never signal. */
  minCount: number;
}

export const EARS_DEFAULTS: EarsParams = { minSigma: 0.5, threshold: { c1: 3, c2: 3, c3: 2 }, minCount: 2 };

const BASELINE_DAYS = 7;

export function meanAndSd(values: readonly number[]): { mean: number; sd: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const squares = values.reduce((a, b) => a + (b - mean) ** 2, 0);
  return { mean, sd: Math.sqrt(squares / (values.length - 1)) };
}

/** The C statistic of the last day of `series` with a baseline of 7 days ending `lag` days before it. */
function cStatistic(series: readonly number[], lag: number, minSigma: number): { statistic: number; baseline: number[] } | null {
  const t = series.length - 1;
  const first = t - lag - BASELINE_DAYS + 1;
  if (first < 0) return null;
  const baseline = series.slice(first, t - lag + 1);
  const { mean, sd } = meanAndSd(baseline);
  return { statistic: (series[t] - mean) / Math.max(sd, minSigma), baseline };
}

function judged(
  method: Signal['method'],
  series: readonly number[],
  c: { statistic: number; baseline: number[] },
  threshold: number,
  minCount: number,
): Signal {
  const observed = series[series.length - 1];
  return {
    method,
    level: observed >= minCount && c.statistic > threshold ? 'yellow' : 'none',
    observed,
    statistic: c.statistic,
    thresholds: { yellow: threshold, red: null },
    baseline: c.baseline,
  };
}

/** `null` when the series is too short (C1 needs 8 days). */
export function earsC1(series: readonly number[], params: Partial<EarsParams> = {}): Signal | null {
  const p = { ...EARS_DEFAULTS, ...params };
  const c = cStatistic(series, 1, p.minSigma);
  return c && judged('ears_c1', series, c, p.threshold.c1, p.minCount);
}

/** `null` when the series is too short (C2 needs 10 days). */
export function earsC2(series: readonly number[], params: Partial<EarsParams> = {}): Signal | null {
  const p = { ...EARS_DEFAULTS, ...params };
  const c = cStatistic(series, 3, p.minSigma);
  return c && judged('ears_c2', series, c, p.threshold.c2, p.minCount);
}

/** `null` when the series is too short (C3 needs 12 days: C2 on each of the last three). */
export function earsC3(series: readonly number[], params: Partial<EarsParams> = {}): Signal | null {
  const p = { ...EARS_DEFAULTS, ...params };
  if (series.length < 12) return null;
  let sum = 0;
  for (let i = 0; i < 3; i++) {
    const c = cStatistic(series.slice(0, series.length - i), 3, p.minSigma)!;
    sum += Math.max(0, c.statistic - 1);
  }
  const baseline = series.slice(series.length - 12, series.length - 3);
  return judged('ears_c3', series, { statistic: sum, baseline }, p.threshold.c3, p.minCount);
}
