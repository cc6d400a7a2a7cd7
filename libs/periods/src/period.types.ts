/** Period granularities of DHIS2 period ids, finest first (a week is not nested in a month). */
export const GRANULARITIES = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** A DHIS2 period id: `2024` · `2024Q1` · `202403` · `2024W11` (ISO week) · `20240315`. */
export type PeriodId = string;

/** A calendar day in China Standard Time as a DHIS2 day id `YYYYMMDD`. */
export type DayId = string;

/** The periods an instant falls in (all in CST). */
export interface PeriodsOfInstant {
  day: DayId;
  /** ISO week (`2024W11`). */
  week: PeriodId;
  month: PeriodId;
  quarter: PeriodId;
  year: PeriodId;
}

export interface Period {
  id: PeriodId;
  granularity: Granularity;
  year: number;
  /** 1–4, set for quarters; also derived for months and days. */
  quarter: number;
  /** 1–12 for months and days; undefined for quarters and years. */
  month?: number;
  /** 1–31 for days only. */
  day?: number;
  /** 1–53 for ISO weeks only; `year` is then the ISO week-year. */
  week?: number;
  /** First CST day of the period. */
  firstDay: DayId;
  /** Last CST day of the period (inclusive). */
  lastDay: DayId;
  /** Instant the period starts: CST midnight of `firstDay`. */
  start: Date;
  /** Instant the period ends (exclusive): CST midnight after `lastDay`. */
  end: Date;
}

export class PeriodError extends Error {
  constructor(
    readonly code: 'invalid_period' | 'invalid_instant' | 'invalid_date' | 'granularity_mismatch' | 'range_reversed',
    message: string,
  ) {
    super(message);
    this.name = 'PeriodError';
  }
}
