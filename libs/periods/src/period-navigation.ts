import { addDays, dayNumber, daysInMonth } from './cst-calendar';
import { isoWeekId, previousYearIsoWeek, shiftIsoWeek } from './iso-week';
import { parsePeriod, periodOfDay } from './period-id';
import { DayId, Granularity, PeriodError, PeriodId } from './period.types';

/** Orders two periods of the same granularity (ids sort lexically within a granularity). */
export function comparePeriods(a: PeriodId, b: PeriodId): number {
  const pa = parsePeriod(a);
  const pb = parsePeriod(b);
  if (pa.granularity !== pb.granularity) {
    throw new PeriodError('granularity_mismatch', `cannot compare ${a} (${pa.granularity}) with ${b} (${pb.granularity})`);
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Moves a period by `steps` periods of its own granularity (negative goes back). */
export function shiftPeriod(id: PeriodId, steps: number): PeriodId {
  const p = parsePeriod(id);
  switch (p.granularity) {
    case 'year':
      return String(p.year + steps);
    case 'quarter': {
      const index = p.year * 4 + (p.quarter - 1) + steps;
      return `${Math.floor(index / 4)}Q${(((index % 4) + 4) % 4) + 1}`;
    }
    case 'month': {
      const index = p.year * 12 + (p.month! - 1) + steps;
      const year = Math.floor(index / 12);
      return `${year}${String((((index % 12) + 12) % 12) + 1).padStart(2, '0')}`;
    }
    case 'week':
      return isoWeekId(shiftIsoWeek({ year: p.year, week: p.week! }, steps));
    case 'day':
      return addDays(id, steps);
  }
}

export const nextPeriod = (id: PeriodId): PeriodId => shiftPeriod(id, 1);
export const previousPeriod = (id: PeriodId): PeriodId => shiftPeriod(id, -1);

/**
 * The same period one year earlier, the base of cost growth (次均费用增幅): `2024Q1` → `2023Q1`,
 * `202403` → `202303`; 29 February maps to 28 February because the previous year has no 29th.
 */
export function previousYearPeriod(id: PeriodId): PeriodId {
  const p = parsePeriod(id);
  const year = p.year - 1;
  switch (p.granularity) {
    case 'year':
      return String(year);
    case 'quarter':
      return `${year}Q${p.quarter}`;
    case 'week':
      return isoWeekId(previousYearIsoWeek({ year: p.year, week: p.week! }));
    case 'month':
      return `${year}${String(p.month).padStart(2, '0')}`;
    case 'day': {
      const day = Math.min(p.day!, daysInMonth(year, p.month!));
      return `${year}${String(p.month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
    }
  }
}

/** Every period from `from` to `to` inclusive (a series' `from`/`to`); both must share a granularity. */
export function periodsInRange(from: PeriodId, to: PeriodId, maxPeriods = 10_000): PeriodId[] {
  if (comparePeriods(from, to) > 0) throw new PeriodError('range_reversed', `range ${from}..${to} runs backwards`);
  const out: PeriodId[] = [];
  for (let p = from; p <= to; p = nextPeriod(p)) {
    out.push(p);
    if (out.length > maxPeriods) throw new PeriodError('invalid_period', `range ${from}..${to} is longer than ${maxPeriods} periods`);
  }
  return out;
}

/** Whether `inner` lies wholly within `outer` (a day in its month, a month in its quarter...). A period contains itself. */
export function periodContains(outer: PeriodId, inner: PeriodId): boolean {
  const o = parsePeriod(outer);
  const i = parsePeriod(inner);
  return o.firstDay <= i.firstDay && i.lastDay <= o.lastDay;
}

/**
 * The coarser period containing `id`: `toGranularity('20240315', 'quarter') === '2024Q1'`. A day
 * lies in one ISO week, but a week may straddle two months (or years), so it converts only to itself.
 */
export function toGranularity(id: PeriodId, granularity: Granularity): PeriodId {
  const p = parsePeriod(id);
  const order: Granularity[] = ['day', 'month', 'quarter', 'year'];
  if (p.granularity === 'week' || granularity === 'week') {
    if (p.granularity === 'week' && granularity === 'week') return id;
    if (p.granularity === 'day') return periodOfDay(id, 'week');
    throw new PeriodError('granularity_mismatch', `${id} does not lie within one ${granularity}`);
  }
  if (order.indexOf(granularity) < order.indexOf(p.granularity)) {
    throw new PeriodError('granularity_mismatch', `${id} is coarser than a ${granularity}`);
  }
  return periodOfDay(p.firstDay, granularity);
}

/**
 * The first period of the same granularity in the same year: `2024Q3` → `2024Q1`, `20240315` →
 * `20240101`, `2025W07` → `2025W01` (a week's year is its ISO week-year).
 */
export function firstPeriodOfYear(id: PeriodId): PeriodId {
  const p = parsePeriod(id);
  if (p.granularity === 'week') return isoWeekId({ year: p.year, week: 1 });
  return periodOfDay(`${String(p.year).padStart(4, '0')}0101`, p.granularity);
}

/**
 * The days a year earlier that a period in progress on `today` is compared with (同期): from the first
 * day of `previousYearPeriod(period)` to the same elapsed point. A week counts elapsed days from its
 * Monday, so Thursday of `2026W53` is compared with Monday–Thursday of `2025W52` (a week-year with no
 * week 53), and Monday 4 January 2027 (`2027W01`) with Monday 29 December 2025, the first day of
 * `2026W01`; other periods end on the same calendar date a year earlier (29 February → 28 February).
 * Never past the end of the earlier period.
 */
export function sameElapsedDaysYearBefore(period: PeriodId, today: DayId): { from: DayId; to: DayId } {
  const p = parsePeriod(period);
  const before = parsePeriod(previousYearPeriod(period));
  const to = p.granularity === 'week' ? addDays(before.firstDay, dayNumber(today) - dayNumber(p.firstDay)) : previousYearPeriod(today);
  return { from: before.firstDay, to: to < before.lastDay ? to : before.lastDay };
}
