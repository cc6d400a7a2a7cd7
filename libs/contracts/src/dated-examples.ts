import { chinaDateOf, parseOffsetTimestamp } from './timestamps';

const DAY_MS = 86_400_000;
const OFFSET_TIMESTAMP = /^(\d{4}-\d{2}-\d{2})(T.*)$/;
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Example events moved to the recent past, for documents served today: every date and timestamp
 * moves by the same whole number of days, so that the latest falls on the day before `now` (China
 * Standard Time). Intervals, times of day and offsets stay as written, so what made the examples
 * valid (an onset before a diagnosis, steps of a referral in order) still holds, and the door's
 * horizon (EVENT_MAX_AGE_DAYS) never calls them `too_old`. Birth dates stay: a person is not born
 * later because an example is.
 */
export function datedBefore<T>(examples: T, now: Date): T {
  const latest = Math.max(...timestampsIn(examples));
  if (!Number.isFinite(latest)) return examples;
  const days = Math.round((Date.parse(chinaDateOf(now.getTime())) - Date.parse(chinaDateOf(latest))) / DAY_MS) - 1;
  return shifted(examples, days, '') as T;
}

/** Every moment the examples name (a calendar date counts as its first instant in China), birth dates aside. */
function timestampsIn(value: unknown, key = ''): number[] {
  if (typeof value === 'string') {
    if (key === 'birthDate') return [];
    const at = CALENDAR_DATE.test(value)
      ? parseOffsetTimestamp(`${value}T00:00:00+08:00`)
      : OFFSET_TIMESTAMP.test(value)
        ? parseOffsetTimestamp(value)
        : undefined;
    return at === undefined ? [] : [at];
  }
  if (Array.isArray(value)) return value.flatMap((item) => timestampsIn(item, key));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => timestampsIn(v, k));
  return [];
}

function shifted(value: unknown, days: number, key: string): unknown {
  if (typeof value === 'string') return key === 'birthDate' ? value : shiftedText(value, days);
  if (Array.isArray(value)) return value.map((item) => shifted(item, days, key));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shifted(v, days, k)]));
  }
  return value;
}

/** `2024-03-15T09:30:00+08:00` → the same wall-clock time and offset, `days` later; `2024-03-15` likewise. */
function shiftedText(text: string, days: number): string {
  if (CALENDAR_DATE.test(text)) return addDays(text, days);
  const match = OFFSET_TIMESTAMP.exec(text);
  if (!match || parseOffsetTimestamp(text) === undefined) return text;
  return addDays(match[1], days) + match[2];
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
