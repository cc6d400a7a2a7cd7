/**
 * Targets of the source documents (seeds/): a threshold ("接种率保持在95%以上", "增幅控制在5%以内"),
 * a change against the same period last year ("县域内住院率再提升1-2个百分点"), and a yearly count
 * judged pro rata ("上门服务 N 人次/年"). Every figure is configuration, never code.
 */
export type TargetKind = 'threshold' | 'change' | 'yearly_count';

/** Rates are fractions (0.95 = 95%): thresholds, changes in pp and tolerances of rates are fractions too. */
export interface ThresholdTarget {
  kind: 'threshold';
  /** `>=`: at or above is on track (coverage ≥ 95%); `<=`: at or below (cost growth ≤ 5%). */
  comparator: '>=' | '<=';
  value: number;
}

export interface ChangeTarget {
  kind: 'change';
  comparator: '>=' | '<=';
  /** `pp`: value − last year's value (fraction points, 0.01 = 1 pp); `percent`: value / last year's − 1. */
  unit: 'pp' | 'percent';
  /** The change to reach: +0.01 (at least one point up), −0.02 ... */
  delta: number;
}

export interface YearlyCountTarget {
  kind: 'yearly_count';
  /** The count to reach by year end; year-to-date is judged against the elapsed share of it. */
  count: number;
  /** Optional seasonality: twelve relative weights (Jan..Dec) of the count; even months by default. */
  monthlyWeights?: number[];
}

export type TargetRule = ThresholdTarget | ChangeTarget | YearlyCountTarget;

export interface Target {
  indicator: string;
  /** A region code or institution id, or `default:<level>` for every region of a level without its own target. */
  scope: string;
  year: number;
  /** Canonical dims (`cohort=2023;dose=3;vaccine=HepB`), '' for undisaggregated indicators. */
  dims: string;
  rule: TargetRule;
  /**
   * Width of the yellow band: how far short of the target is "within tolerance" rather than behind.
   * Rates and changes: in fraction points (0.02 = 2 pp). Yearly counts: a share of the expected count (0.1 = 10%).
   */
  tolerance: number;
  /** Below this denominator (rates) or expected count (counts) the status is `none`: small numbers raise no alarms. */
  minDenominator: number;
}

export type Status = 'green' | 'yellow' | 'red' | 'none';

/** What is judged: this period's reading, and for change targets the same period a year earlier. */
export interface Observation {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  previousYearValue?: number | null;
}

export interface Evaluation {
  status: Status;
  /** The value the target asks for at this time (the threshold; last year + change; the pro-rata count). */
  expected: number | null;
  actual: number | null;
  /** actual − expected, signed so that negative means behind. */
  gap: number | null;
  /** Why the status is `none`, for people. */
  reason?: 'no_value' | 'small_denominator' | 'no_previous_year' | 'not_started';
}
