import { earsC1, earsC2, earsC3, EarsParams } from './ears';
import { fixedThreshold, FixedThresholdParams } from './fixed-threshold';
import { movingPercentile, MovingPercentileParams } from './moving-percentile';
import { Signal } from './signal.types';

/** Days of the current window (7); EARS judges each of them, and C3 on the window's first day reads 11 days before it. */
export const WINDOW_DAYS = 7;
export const SERIES_DAYS = WINDOW_DAYS + 11;

export interface OutbreakParams {
  fixedThreshold: FixedThresholdParams;
  movingPercentile: Partial<MovingPercentileParams>;
  ears: Partial<EarsParams>;
}

/**
 * The method China's early-warning system applies to one county and disease, in its order:
 * 甲类 (and listed diseases) by fixed threshold; otherwise the moving percentile when there is
 * history; otherwise EARS over the window's days (`earsOverWindow`).
 *
 * @param daily the county's daily case counts, oldest first, ending today (`SERIES_DAYS` of them)
 * @param history the counts of the baseline windows (`baselineWindowEnds`) that have any data
 */
export function detectOutbreak(disease: string, daily: readonly number[], history: readonly number[], params: Partial<OutbreakParams> = {}): Signal | null {
  const window = daily.slice(-WINDOW_DAYS).reduce((a, b) => a + b, 0);
  const fixed = fixedThreshold(disease, window, params.fixedThreshold);
  if (fixed) return fixed;
  const percentile = movingPercentile(window, history, params.movingPercentile);
  if (percentile) return percentile;
  return earsOverWindow(daily, params.ears);
}

/**
 * EARS on each day of the current window, newest first: the newest day on which C3, C2 or C1 signals
 * (in that order), else today's C3 "none". EARS is a daily statistic, but judging today alone would
 * never judge a card for yesterday that arrives after midnight, and would end a cluster's alert when
 * the date turns; over the window a cluster keeps its signal for seven days, as in the moving percentile.
 */
function earsOverWindow(daily: readonly number[], params: Partial<EarsParams> = {}): Signal | null {
  let today: Signal | null = null;
  for (let daysAgo = 0; daysAgo < WINDOW_DAYS && daysAgo < daily.length; daysAgo++) {
    const upToDay = daily.slice(0, daily.length - daysAgo);
    const signals = [earsC3(upToDay, params), earsC2(upToDay, params), earsC1(upToDay, params)].filter((s): s is Signal => s !== null);
    const signal = signals.find((s) => s.level !== 'none');
    if (signal) return { ...signal, daysAgo };
    if (daysAgo === 0 && signals.length > 0) today = { ...signals[0], daysAgo };
  }
  return today;
}
