import { instantMs } from './cst-calendar';
import { parsePeriod } from './period-id';
import { PeriodId } from './period.types';

/**
 * Share of a period already elapsed at an instant, 0..1. Yearly count targets (new screenings,
 * home visits) are pro-rated with it: a region is behind when its year-to-date count falls short
 * of target × elapsed share — which is why time alone can turn a region red.
 */
export function elapsedShareOf(period: PeriodId, at: string | Date): number {
  const p = parsePeriod(period);
  const t = instantMs(at);
  const start = p.start.getTime();
  const end = p.end.getTime();
  if (t <= start) return 0;
  if (t >= end) return 1;
  return (t - start) / (end - start);
}

/** Elapsed share of a calendar year (CST) at an instant; leap years have 366 days in the divisor. */
export function elapsedShareOfYear(year: number, at: string | Date): number {
  return elapsedShareOf(String(year).padStart(4, '0'), at);
}

/** A period is in progress at `at` when it has started but not ended; its value is then to-date (year-to-date for a year). */
export function isInProgress(period: PeriodId, at: string | Date): boolean {
  const p = parsePeriod(period);
  const t = instantMs(at);
  return p.start.getTime() <= t && t < p.end.getTime();
}

/**
 * The window a reading of `period` at `at` actually covers: the whole period once it is over,
 * start..`at` while it is in progress (a year in progress reads as year-to-date), null if it has not begun.
 */
export function periodToDate(period: PeriodId, at: string | Date): { start: Date; end: Date; complete: boolean } | null {
  const p = parsePeriod(period);
  const t = instantMs(at);
  if (t < p.start.getTime()) return null;
  if (t >= p.end.getTime()) return { start: p.start, end: p.end, complete: true };
  return { start: p.start, end: new Date(t), complete: false };
}
