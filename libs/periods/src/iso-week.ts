import { dayFromNumber, dayIdOf, dayNumber, DayNumber } from './cst-calendar';
import { DayId, PeriodError, PeriodId } from './period.types';

/**
 * ISO 8601 weeks (ISO 8601 / GB/T 7408), the weeks of epidemic surveillance (疫情周报): Monday to
 * Sunday, week 1 being the week with the year's first Thursday, so a week belongs wholly to one
 * "week-year" — 30 December 2024 is in `2025W01`, 1 January 2021 in `2020W53`.
 *
 * Ids are `YYYYWnn` with two-digit weeks (`2024W01`…`2024W53`): DHIS2 writes `2024W1`, but padded ids
 * sort as text in time order, as every other period id does (the counter tables rely on it).
 */

const WEEK_ID = /^(\d{4})W(\d{2})$/;

export interface IsoWeek {
  /** The ISO week-year (may differ from the calendar year in the first and last days of a year). */
  year: number;
  /** 1–53. */
  week: number;
}

/** 0 = Monday … 6 = Sunday (1970-01-01, day number 0, was a Thursday). */
export function isoWeekday(n: DayNumber): number {
  return (((n + 3) % 7) + 7) % 7;
}

export function isoWeekOfDay(day: DayId): IsoWeek {
  const n = dayNumber(day);
  const thursday = n - isoWeekday(n) + 3;
  const year = Number(dayFromNumber(thursday).slice(0, 4));
  return { year, week: Math.floor((thursday - dayNumber(dayIdOf(year, 1, 1))) / 7) + 1 };
}

/** Monday of week 1: the Monday on or before 4 January (4 January is always in week 1). */
function firstMonday(year: number): DayNumber {
  const jan4 = dayNumber(dayIdOf(year, 1, 4));
  return jan4 - isoWeekday(jan4);
}

/** 52 or 53: a year has 53 weeks when 28 December (always in its last week) is in week 53. */
export function isoWeeksInYear(year: number): number {
  return isoWeekOfDay(dayIdOf(year, 12, 28)).week;
}

export function isoWeekId({ year, week }: IsoWeek): PeriodId {
  return `${String(year).padStart(4, '0')}W${String(week).padStart(2, '0')}`;
}

/** `2024W11` → { year: 2024, week: 11 }; throws `PeriodError('invalid_period')` for a week the year does not have. */
export function parseIsoWeekId(id: PeriodId): IsoWeek {
  const m = WEEK_ID.exec(id);
  if (!m) throw new PeriodError('invalid_period', `not an ISO week id YYYYWnn: ${id}`);
  const year = Number(m[1]);
  const week = Number(m[2]);
  if (year < 1) throw new PeriodError('invalid_period', `year out of range in period ${id}`);
  if (week < 1 || week > isoWeeksInYear(year)) throw new PeriodError('invalid_period', `${year} has no ISO week ${m[2]}: ${id}`);
  return { year, week };
}

export function isWeekId(id: string): boolean {
  return WEEK_ID.test(id);
}

/** First (Monday) and last (Sunday) day of an ISO week. */
export function isoWeekDays({ year, week }: IsoWeek): { firstDay: DayId; lastDay: DayId } {
  const monday = firstMonday(year) + (week - 1) * 7;
  return { firstDay: dayFromNumber(monday), lastDay: dayFromNumber(monday + 6) };
}

/** The week `steps` weeks later (earlier when negative), across week-years. */
export function shiftIsoWeek(week: IsoWeek, steps: number): IsoWeek {
  return isoWeekOfDay(dayFromNumber(dayNumber(isoWeekDays(week).firstDay) + steps * 7));
}

/**
 * The same week a year earlier: the same week number of the previous week-year, as surveillance
 * compares weeks (同期); week 53 maps to week 52 in a year without one.
 */
export function previousYearIsoWeek({ year, week }: IsoWeek): IsoWeek {
  return { year: year - 1, week: Math.min(week, isoWeeksInYear(year - 1)) };
}
