/** Epidemic warning colours (疫情三色预警): `none` is green. */
export type SignalLevel = 'none' | 'yellow' | 'red';

export type DetectionMethod = 'fixed_threshold' | 'moving_percentile' | 'ears_c1' | 'ears_c2' | 'ears_c3';

/** What a detector concluded, with the evidence an alert text and a reviewer need. */
export interface Signal {
  method: DetectionMethod;
  level: SignalLevel;
  /** The count judged (cases in the 7-day window, or on the day judged for EARS; the statistic for C1–C3 is `statistic`). */
  observed: number;
  /** Yellow and red thresholds the count (or statistic) had to exceed; `null` where the method has no such level. */
  thresholds: { yellow: number | null; red: number | null };
  /** C1–C3 only: the standardised statistic. */
  statistic?: number;
  /** Moving percentile: the historical window counts; EARS: the baseline days. */
  baseline?: readonly number[];
  /** EARS only: the day judged, in days before the series' last day (0: today). */
  daysAgo?: number;
  /** Moving percentile: the percentiles the thresholds are (`red` null: the history's maximum). */
  percentiles?: { yellow: number; red: number | null };
}
