/**
 * China Standard Time helpers for the feed. Events carry `+08:00` offsets as Chinese hospital
 * systems send them, and birth dates are CST calendar dates (a baby born at 00:30 CST).
 */
export const CST_OFFSET_MS = 8 * 3_600_000;
export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** `2026-03-15T09:30:00+08:00` of an instant (whole seconds). */
export function cstTimestamp(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000 + CST_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/** `YYYY-MM-DD` in CST of an instant. */
export function cstDate(ms: number): string {
  return new Date(ms + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant of CST midnight starting the day that `ms` falls on. */
export function cstMidnightOf(ms: number): number {
  return Math.floor((ms + CST_OFFSET_MS) / DAY_MS) * DAY_MS - CST_OFFSET_MS;
}

/** The instant of CST midnight of a `YYYY-MM-DD` date. */
export function cstMidnightOfDate(date: string): number {
  return Date.parse(`${date}T00:00:00+08:00`);
}

/** Whole years of age on a date, both `YYYY-MM-DD` (a birthday counts on the day itself). */
export function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) >= birthDate.slice(5) ? years : years - 1;
}
