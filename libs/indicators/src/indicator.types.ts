import type { Granularity } from '@lib/periods';
import type { CounterKey } from './counter-key';

/** Region levels, finest first. An institution's region id is its institution id; the others are GB/T 2260 codes. */
export const REGION_LEVELS = ['institution', 'county', 'city', 'province'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/**
 * Counter measures. Rates keep `numerator` and `denominator` (a population denominator is not
 * stored: it is uploaded per region and year and joined at read time); counts keep `value`;
 * cost means keep `sum` (in fen, 0.01 yuan, so +/- deltas stay exact integers) and `count`.
 */
export const MEASURES = ['numerator', 'denominator', 'value', 'sum', 'count'] as const;
export type Measure = (typeof MEASURES)[number];

/** `per_100k`: a rate per 100,000 of its population (incidence, 发病率 1/10万). */
export type Unit = 'percent' | 'count' | 'ratio' | 'yuan' | 'per_100k';

/**
 * Which region an event's counters belong to at the base level (then rolled up):
 * - `residence_county`: the person's residence county (`person.residenceRegion`) — 县域就诊率, coverage rates;
 * - `institution_county`: the county the institution is located in — 基层就诊率;
 * - `institution`: the institution itself (drill-down), rolled up to its county — TCM, cost, home visits;
 * - `referral_from_institution`: the referral's from-institution, rolled up to its county.
 */
export type Attribution = 'residence_county' | 'institution_county' | 'institution' | 'referral_from_institution';

/**
 * A condition on an event's facts (see `event-facts.ts`): every listed fact must match.
 * A scalar means equality, an array "one of", `{ min, max }` an inclusive numeric range,
 * `{ not: x }` anything but x (missing facts never match, except under `not`).
 */
export type FactValue = string | number | boolean;
export type FactCondition = FactValue | readonly FactValue[] | { min?: number; max?: number } | { not: FactValue | readonly FactValue[] };
export type Filter = Readonly<Record<string, FactCondition>>;

/** Which facts identify a subject: key = `<prefix>:<fact1>:<fact2>...` (values escaped). */
export interface SubjectSpec {
  prefix: string;
  by: readonly string[];
}

/** What one measure adds for an event that passes `where`: 1, or the numeric fact named by `add`. */
export interface MeasureSpec {
  where?: Filter;
  add?: string;
}
export type MeasureSpecs = Partial<Record<Measure, MeasureSpec>>;

/**
 * How counters are derived from a subject's current events. A small, fixed set of counting
 * strategies; an indicator chooses one and fills it with data (filters, measures), so a new
 * indicator is a new definition, not new code.
 */
export type CountingRule =
  /** Every matching event counts once in its own period (visits, home visits). */
  | { kind: 'each_event'; subject: SubjectSpec; source: Filter; measures: MeasureSpecs }
  /**
   * A subject (person × programme...) counts once in each period in which it has a matching event;
   * the first (or last) such event in the period decides region and the measures' filters
   * (screening coverage: first; control rate: last follow-up in P).
   */
  | { kind: 'distinct_per_period'; subject: SubjectSpec; source: Filter; pick: 'first' | 'last'; measures: MeasureSpecs }
  /** A subject counts once, cumulatively from its first matching event onward (vaccination coverage). */
  | { kind: 'first_ever'; subject: SubjectSpec; source: Filter; measures: MeasureSpecs }
  /**
   * A subject's status (family-doctor contract) runs from a `starts` event for `validDays` days or until
   * the next status event on a later day; stored as +1 on the first day / −1 on the day after, read cumulatively.
   * `measures[m].where` is tested on the starting event (priority groups).
   */
  | { kind: 'active_interval'; subject: SubjectSpec; source: Filter; starts: Filter; validDays: number; measures: MeasureSpecs }
  /**
   * Registered chronic patients (denominator, cumulative from the first registration) and those with at least
   * `minFollowups` follow-ups within a calendar year (numerator, cumulative within that year). Region: registration's.
   */
  | { kind: 'registered_with_followups'; subject: SubjectSpec; source: Filter; registration: Filter; followup: Filter; minFollowups: number }
  /**
   * A subject (referral) counts once, at its first `anchor` event (initiated); `flags` are facts true when any
   * of the subject's events match (reached `completed`), usable in the measures' filters with the anchor's facts.
   */
  | { kind: 'once_per_subject'; subject: SubjectSpec; source: Filter; anchor: Filter; flags: Readonly<Record<string, Filter>>; measures: MeasureSpecs };

/**
 * How a stored measure is read for period P (of granularity g):
 * - `period`: the counter row of P itself;
 * - `to_date`: the sum of rows of granularity g with period ≤ P ("on or before the end of P");
 * - `year_to_date`: the sum of rows of granularity g from the first g-period of P's year to P.
 */
export type Accumulation = 'period' | 'to_date' | 'year_to_date';
export interface MeasureRead {
  measure: Measure;
  accumulate: Accumulation;
}
/** A denominator that is an uploaded population: `group` may use `{dim}` placeholders (`birth_cohort:{cohort}`); year = P's year. */
export interface PopulationRead {
  population: string;
}

export type ReadRule =
  | { kind: 'count'; value: MeasureRead }
  /** numerator / denominator (× `per`, e.g. 100,000 for incidence); null when the denominator is zero or unknown. Also used for ratios (unit `ratio`). */
  | { kind: 'rate'; numerator: MeasureRead; denominator: MeasureRead | PopulationRead; per?: number }
  /** (sum/count in P) / (sum/count in the same period a year earlier) − 1; sums are in fen. */
  | { kind: 'mean_growth'; sum: Measure; count: Measure }
  /** (count in P) / (count in the same period a year earlier) − 1 (同比): a week against the same ISO week. */
  | { kind: 'count_growth'; value: Measure };

export interface IndicatorDefinition {
  code: string;
  /** Chinese name as bureaus use it. */
  name: string;
  nameEn: string;
  unit: Unit;
  /** null when neither direction is "better" (e.g. upward referrals). */
  higherIsBetter: boolean | null;
  definition: string;
  attribution: Attribution;
  /** Levels the indicator is read at; counters exist at these levels only. */
  levels: readonly RegionLevel[];
  /** Period granularities the indicator is read at; its counters are stored at `storedGranularities` of them. */
  periods: readonly Granularity[];
  /** Dimension facts, always all present on every counter of this indicator (`cohort=2023;dose=3;vaccine=HepB`). */
  dimensions: readonly string[];
  counting: CountingRule;
  read: ReadRule;
  /**
   * The fewest cases a value must rest on before it is judged against a target (a target may set its
   * own): a rate's denominator, a count itself (or a yearly count's pro-rata expectation), the visits or
   * admissions behind each of cost growth's two means. Below it the status is `insufficient_data`.
   * Sized from what is counted: hundreds for visits, tens for admissions, patients and children.
   */
  minDenominator: number;
}

/** Identifies a subject whose current event set determines some counters: `chronic:<person>:hypertension`. */
export type SubjectKey = string;

/**
 * One change to one counter. `county` is set on institution-level contributions (the institution's
 * county) so that roll-up works after diffing even when an institution's county changed; it is part
 * of the merge key but not of the counter key.
 */
export interface Contribution extends CounterKey {
  delta: number;
  county?: string;
}
