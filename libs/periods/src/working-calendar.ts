import { addDays, cstDayOf, cstMidnight, dayIdFromIsoDate, dayNumber, splitDayId } from './cst-calendar';
import type { DayId } from './period.types';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * How one day departs from the weekly rule, as the State Council's yearly notice (国务院办公厅关于
 * 部分节假日安排的通知) sets it: a `holiday` (法定节假日, or a weekday off to bridge one) is off
 * whatever weekday it is; a `workday` (调休 make-up working day, a Saturday or Sunday) is worked.
 */
export type CalendarDayKind = 'holiday' | 'workday';
export const CALENDAR_DAY_KINDS: readonly CalendarDayKind[] = ['holiday', 'workday'];

export interface CalendarAdjustment {
  day: DayId;
  kind: CalendarDayKind;
  /** The holiday it belongs to (春节, 国庆节); a make-up day names the holiday it pays for. */
  name: string;
}

/** ISO weekdays, 1 = Monday … 7 = Sunday. */
export const MONDAY_TO_FRIDAY: ReadonlySet<number> = new Set([1, 2, 3, 4, 5]);

/** ISO weekday of a CST day (1970-01-01 was a Thursday). */
export function isoWeekdayOf(day: DayId): number {
  return ((((dayNumber(day) + 3) % 7) + 7) % 7) + 1;
}

/** Working time of a day in CST (minutes from midnight) and the weekdays that are worked by default. */
export interface WorkingSchedule {
  startMinute: number;
  endMinute: number;
  weekdays: ReadonlySet<number>;
}

/** `08:00-18:00` and `1,2,3,4,5` (validated by the caller's environment) to a schedule. */
export function parseSchedule(hours: string, days: string): WorkingSchedule {
  const [start, end] = hours.split('-').map((hm) => {
    const [h, m] = hm.split(':').map(Number);
    return h * 60 + m;
  });
  return { startMinute: start, endMinute: end, weekdays: new Set(days.split(',').map(Number)) };
}

/**
 * Which CST days are worked: the weekly rule, overridden day by day by the adjustments of the years an
 * operator has loaded. A year without adjustments follows the weekly rule alone (its holidays are not
 * known) — `knowsYear` says which years were loaded, so callers can warn.
 */
export class WorkingCalendar {
  static readonly WEEKLY_RULE_ONLY = new WorkingCalendar([], []);

  private readonly adjustments: ReadonlyMap<DayId, CalendarAdjustment>;
  private readonly years: ReadonlySet<number>;

  constructor(adjustments: readonly CalendarAdjustment[], knownYears: Iterable<number>) {
    this.adjustments = new Map(adjustments.map((a) => [a.day, a]));
    this.years = new Set(knownYears);
  }

  knowsYear(year: number): boolean {
    return this.years.has(year);
  }

  adjustmentOn(day: DayId): CalendarAdjustment | undefined {
    return this.adjustments.get(day);
  }

  isWorkingDay(day: DayId, weekdays: ReadonlySet<number> = MONDAY_TO_FRIDAY): boolean {
    const adjustment = this.adjustments.get(day);
    if (adjustment) return adjustment.kind === 'workday';
    return weekdays.has(isoWeekdayOf(day));
  }

  /**
   * Working milliseconds between two instants: the schedule's hours of each working day. Stops early
   * once `enough` is reached (a feed silent for months need not be counted to the minute).
   */
  workingMsBetween(from: Date, to: Date, schedule: WorkingSchedule, enough = Infinity): number {
    let total = 0;
    for (let day = cstDayOf(from), start = cstMidnight(day).getTime(); start < to.getTime() && total < enough; day = addDays(day, 1), start += DAY_MS) {
      if (!this.isWorkingDay(day, schedule.weekdays)) continue;
      const open = Math.max(start + schedule.startMinute * 60_000, from.getTime());
      const close = Math.min(start + schedule.endMinute * 60_000, to.getTime());
      if (close > open) total += close - open;
    }
    return total;
  }

  /**
   * Milliseconds between two instants that fall on working days, nights included: how "three working
   * days" (三个工作日) elapse. A weekend or a holiday stops the count; a make-up Saturday counts.
   */
  workingDaysMsBetween(from: Date, to: Date, weekdays: ReadonlySet<number> = MONDAY_TO_FRIDAY): number {
    let total = 0;
    for (let day = cstDayOf(from), start = cstMidnight(day).getTime(); start < to.getTime(); day = addDays(day, 1), start += DAY_MS) {
      if (!this.isWorkingDay(day, weekdays)) continue;
      const close = Math.min(start + DAY_MS, to.getTime());
      const open = Math.max(start, from.getTime());
      if (close > open) total += close - open;
    }
    return total;
  }
}

/** One day of an operator's calendar upload, as the notice reads: `2026-02-14`, `workday`, `春节`. */
export interface CalendarDayInput {
  date: string;
  kind: string;
  name: string;
}

/**
 * What is wrong with a year's days as an operator uploads them (empty when nothing): dates of that
 * year, each once, a known kind, a name, and a make-up working day on a Saturday or Sunday — a 调休
 * "workday" on a weekday is a typo in the date, and would silently do nothing.
 */
export function calendarYearProblems(year: number, days: readonly CalendarDayInput[]): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  days.forEach((input, i) => {
    let day: DayId;
    try {
      day = dayIdFromIsoDate(input.date);
    } catch {
      problems.push({ path: `days[${i}].date`, message: `not a date YYYY-MM-DD: ${input.date}` });
      return;
    }
    if (splitDayId(day).year !== year) problems.push({ path: `days[${i}].date`, message: `${input.date} is not in ${year}` });
    if (seen.has(day)) problems.push({ path: `days[${i}].date`, message: `${input.date} is listed twice` });
    seen.add(day);
    if (!CALENDAR_DAY_KINDS.includes(input.kind as CalendarDayKind))
      problems.push({ path: `days[${i}].kind`, message: `kind must be holiday or workday, got ${input.kind}` });
    if (input.kind === 'workday' && MONDAY_TO_FRIDAY.has(isoWeekdayOf(day))) {
      problems.push({ path: `days[${i}].date`, message: `${input.date} is a weekday: a make-up working day (调休) falls on a Saturday or Sunday` });
    }
    if (!input.name || !input.name.trim()) problems.push({ path: `days[${i}].name`, message: 'name is required (the holiday, e.g. 春节)' });
  });
  return problems;
}

/** An uploaded day (already checked by calendarYearProblems) as the calendar holds it. */
export function adjustmentOf(input: CalendarDayInput): CalendarAdjustment {
  return { day: dayIdFromIsoDate(input.date), kind: input.kind as CalendarDayKind, name: input.name.trim() };
}
