/**
 * Strict parsing of the two time shapes of the contract, done by hand rather than with `Date.parse`:
 * engines accept (and silently "fix") too much — `2024-02-30`, missing offsets read as local time —
 * and a wrong instant would put an event in the wrong period without anyone noticing.
 */

/** `YYYY-MM-DDTHH:mm[:ss[.fraction]]` followed by `Z` or `±HH:mm`: the forms every JS engine reads alike. */
const OFFSET_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** China Standard Time has had no daylight saving since 1991, so a fixed offset is exact for our dates. */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const MAX_OFFSET_MINUTES = 14 * 60; // UTC+14 (Kiribati) is the largest offset in use

export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Epoch milliseconds of a UTC wall-clock time; unlike `Date.UTC`, years 0–99 are not shifted to 19xx. */
function utcMs(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, ms);
  return d.getTime();
}

/** Epoch milliseconds of an ISO 8601 timestamp with offset, or `undefined` if it is not one or names no real instant. */
export function parseOffsetTimestamp(value: string): number | undefined {
  const m = OFFSET_TIMESTAMP.exec(value);
  if (!m) return undefined;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  if (!isCalendarDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return undefined;
  let offsetMinutes = 0;
  if (m[8] !== undefined) {
    const [offH, offM] = [Number(m[9]), Number(m[10])];
    if (offM > 59) return undefined;
    offsetMinutes = (m[8] === '-' ? -1 : 1) * (offH * 60 + offM);
    if (Math.abs(offsetMinutes) > MAX_OFFSET_MINUTES) return undefined;
  }
  return utcMs(year, month, day, hour, minute, second, ms) - offsetMinutes * 60_000;
}

/** True for a real `YYYY-MM-DD` calendar date. */
export function isCalendarDateString(value: string): boolean {
  const m = CALENDAR_DATE.exec(value);
  return m !== null && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** The `YYYY-MM-DD` date in China Standard Time of an instant (periods and birth dates are CST dates). */
export function chinaDateOf(epochMs: number): string {
  return new Date(epochMs + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}
