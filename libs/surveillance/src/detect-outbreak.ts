import { earsC1, earsC2, earsC3, EarsParams } from './ears';
import { fixedThreshold, FixedThresholdParams } from './fixed-threshold';
import { movingPercentile, MovingPercentileParams } from './moving-percentile';
import { Signal } from './signal.types';

/** Days of the current window (7) and of the daily series EARS reads (C3 needs 12). */
export const WINDOW_DAYS = 7;
export const SERIES_DAYS = 12;

export interface OutbreakParams {
  fixedThreshold: FixedThresholdParams;
  movingPercentile: Partial<MovingPercentileParams>;
  ears: Partial<EarsParams>;
}

/**
 * The method China's early-warning system applies to one county and disease, in its order:
 * 甲类 (and listed diseases) by fixed threshold; otherwise the moving percentile when there is
 * history; otherwise EARS, the strongest of C1–C3 (C3 before C2 before C1 at the same level).
 *
 * @param daily the county's daily case counts, oldest first, ending today (up to `SERIES_DAYS`)
 * @param history the counts of the baseline windows (`baselineWindowEnds`) that have any data
 */
export function detectOutbreak(disease: string, daily: readonly number[], history: readonly number[], params: Partial<OutbreakParams> = {}): Signal | null {
  const window = daily.slice(-WINDOW_DAYS).reduce((a, b) => a + b, 0);
  const fixed = fixedThreshold(disease, window, params.fixedThreshold);
  if (fixed) return fixed;
  const percentile = movingPercentile(window, history, params.movingPercentile);
  if (percentile) return percentile;
  const ears = [earsC3(daily, params.ears), earsC2(daily, params.ears), earsC1(daily, params.ears)].filter((s): s is Signal => s !== null);
  return ears.find((s) => s.level !== 'none') ?? ears[0] ?? null;
}
