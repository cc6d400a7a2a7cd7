/**
 * Targets of the source documents (seeds/): a threshold ("接种率保持在95%以上", "增幅控制在5%以内"),
 * a change against the same period last year ("县域内住院率再提升1-2个百分点"), and a yearly count
 * judged pro rata ("上门服务 N 人次/年"). Every figure is configuration, never code.
 */
export type TargetKind = 'threshold' | 'change' | 'yearly_count';

/**
 * How a year-end figure is judged during the year for an indicator whose value accrues over it
 * (standard management needs the year's 4th follow-up; screening coverage counts the year's screenings):
 * `pro_rata` (the default) expects the elapsed share of it — by `monthlyWeights` when given — and
 * `year_end` the figure itself at any date. Indicators that do not accrue ignore it.
 */
export interface Pace {
  pace?: 'pro_rata' | 'year_end';
  /** Twelve relative weights (Jan..Dec) of the year's progress; even months by default. */
  monthlyWeights?: number[];
}

/** Rates are fractions (0.95 = 95%): thresholds, changes in pp and tolerances of rates are fractions too. */
export interface ThresholdTarget extends Pace {
  kind: 'threshold';
  /** `>=`: at or above is on track (coverage ≥ 95%); `<=`: at or below (cost growth ≤ 5%). */
  comparator: '>=' | '<=';
  value: number;
}

export interface ChangeTarget extends Pace {
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
  /**
   * The fewest cases a value must rest on to be judged (a rate's denominator, the baseline's cases for
   * change rules and cost growth, a yearly count's pro-rata expectation); below it the status is
   * `insufficient_data`. null: the indicator's default (`IndicatorDefinition.minDenominator`).
   */
  minDenominator: number | null;
}

/** A target whose minimum is settled (its own, or its indicator's default): what the pure evaluation takes. */
export type ResolvedTarget = Target & { minDenominator: number };

/**
 * 三色预警 plus the two ways of not judging: `insufficient_data` — a value exists but rests on too few
 * cases to colour (never red, never an alert); `none` — nothing to judge (no target, no value, no
 * last-year value, the year has not started). The one list of statuses: DTOs, OpenAPI and the
 * database's checks follow it.
 */
export const STATUSES = ['green', 'yellow', 'red', 'insufficient_data', 'none'] as const;
export type Status = (typeof STATUSES)[number];

/** Successes out of trials: a value that is a share of its cases, so a binomial (Wilson) interval applies. */
export interface Share {
  successes: number;
  trials: number;
}

/** One side of what is judged (this period, or the same period a year earlier). */
export interface ObservedValue {
  value: number | null;
  /** Cases the value rests on, checked against the minimum; null when none apply (a count's own value). */
  cases: number | null;
  share: Share | null;
}

/**
 * Over which window a value accrues toward its year-end level: from the start of the year (a
 * year-to-date numerator) or of the period read (a count in the period over a yearly population).
 */
export type Accrual = 'year' | 'period';

/** What is judged: this period's reading, the baseline built into it (cost growth), and for change rules last year's. */
export interface Observation extends ObservedValue {
  /** Cases behind a baseline the value already contains (cost growth: the visits behind last year's mean). */
  baselineCases: number | null;
  previousYear: ObservedValue | null;
  /** How the value accrues within its year; null when it does not (a share of the period's own visits). */
  accrual: Accrual | null;
}

export interface Interval {
  low: number;
  high: number;
}

export interface Evaluation {
  status: Status;
  /** The value the target asks for at this time (the threshold; last year + change; the pro-rata count). */
  expected: number | null;
  actual: number | null;
  /** actual − expected, signed so that negative means behind. */
  gap: number | null;
  /**
   * Why the status is `none` or `insufficient_data`, or (`uncertain`) why a value beyond the yellow band
   * is yellow, not red: its 95% interval still reaches the target. For people and alert details.
   */
  reason?: 'no_value' | 'no_previous_year' | 'not_started' | 'small_denominator' | 'small_baseline' | 'uncertain';
  /** The 95% interval of the actual value (Wilson for a share; Newcombe's for a change of a share in points). */
  interval?: Interval;
  /** For a value that accrues over the year, judged pro rata: the share of the year-end figure due at this date. */
  progress?: number;
}
