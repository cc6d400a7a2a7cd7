import { DayId, PeriodError } from './period.types';

/**
 * Calendar arithmetic in China Standard Time (UTC+8, no daylight saving since 1991).
 * Bureaus count a 23:30 visit on 31 December in that year whatever offset the sender used,
 * so every instant is first moved to CST and only then cut into days.
 */
export const CST_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Days since 1970-01-01 of a calendar date (proleptic Gregorian), used for day arithmetic. */
export type DayNumber = number;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Milliseconds since the epoch of an ISO 8601 instant with offset (or a Date). */
export function instantMs(instant: string | Date): number {
  if (instant instanceof Date) {
    const ms = instant.getTime();
    if (Number.isNaN(ms)) throw new PeriodError('invalid_instant', 'invalid Date');
    return ms;
  }
  // An instant without an offset is ambiguous: refuse it rather than guess the server's zone.
  if (!ISO_INSTANT.test(instant)) throw new PeriodError('invalid_instant', `not an ISO 8601 instant with offset: ${instant}`);
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new PeriodError('invalid_instant', `not a valid instant: ${instant}`);
  return ms;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

export function dayIdOf(year: number, month: number, day: number): DayId {
  return `${String(year).padStart(4, '0')}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
}

/** Splits a day id, validating it is a real calendar date. */
export function splitDayId(day: DayId): { year: number; month: number; day: number } {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(day);
  if (!m) throw new PeriodError('invalid_date', `not a day id YYYYMMDD: ${day}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) throw new PeriodError('invalid_date', `no such day: ${day}`);
  return { year: y, month: mo, day: d };
}

/** The CST calendar day an instant falls on. */
export function cstDayOf(instant: string | Date): DayId {
  const shifted = new Date(instantMs(instant) + CST_OFFSET_MS);
  return dayIdOf(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

export function dayNumber(day: DayId): DayNumber {
  const { year, month, day: d } = splitDayId(day);
  return Date.UTC(year, month - 1, d) / DAY_MS;
}

export function dayFromNumber(n: DayNumber): DayId {
  const date = new Date(n * DAY_MS);
  return dayIdOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

export function addDays(day: DayId, days: number): DayId {
  return dayFromNumber(dayNumber(day) + days);
}

/** The instant a CST day starts (its CST midnight). */
export function cstMidnight(day: DayId): Date {
  return new Date(dayNumber(day) * DAY_MS - CST_OFFSET_MS);
}

/** `YYYY-MM-DD` (as in `person.birthDate`) to a day id. */
export function dayIdFromIsoDate(date: string): DayId {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new PeriodError('invalid_date', `not a date YYYY-MM-DD: ${date}`);
  const day = `${m[1]}${m[2]}${m[3]}`;
  splitDayId(day);
  return day;
}

/**
 * Age in completed years on a day. Someone born on 29 February turns a year older on 1 March
 * in common years (the usual civil reading), which falls out of comparing month-day strings.
 */
export function ageOn(birthDate: DayId, on: DayId): number {
  const b = splitDayId(birthDate);
  const o = splitDayId(on);
  const hadBirthday = on.slice(4) >= birthDate.slice(4);
  return o.year - b.year - (hadBirthday ? 0 : 1);
}
