import { cstMidnight, dayIdOf, daysInMonth, addDays, splitDayId } from './cst-calendar';
import { isoWeekDays, isoWeekId, isoWeekOfDay, isWeekId, parseIsoWeekId } from './iso-week';
import { DayId, Granularity, Period, PeriodError, PeriodId } from './period.types';

const YEAR = /^(\d{4})$/;
const QUARTER = /^(\d{4})Q([1-4])$/;
const MONTH = /^(\d{4})(\d{2})$/;
const DAY = /^(\d{4})(\d{2})(\d{2})$/;

function build(id: PeriodId, granularity: Granularity, year: number, firstDay: DayId, lastDay: DayId, extra: Partial<Period>): Period {
  return {
    id,
    granularity,
    year,
    quarter: extra.quarter ?? 0,
    month: extra.month,
    day: extra.day,
    ...(extra.week !== undefined && { week: extra.week }),
    firstDay,
    lastDay,
    start: cstMidnight(firstDay),
    end: cstMidnight(addDays(lastDay, 1)),
  };
}

function checkYear(year: number, id: string): void {
  // Year 0000 is not a DHIS2 year; anything four-digit otherwise is fine for the arithmetic.
  if (year < 1) throw new PeriodError('invalid_period', `year out of range in period ${id}`);
}

/** Parses and validates a DHIS2 period id; throws `PeriodError('invalid_period')`. */
const parsed = new Map<string, Period>();
const PARSED_LIMIT = 50_000;

/**
 * Remembered per id (a read parses the same few periods for every counter row it sums); the result
 * is frozen, since every caller shares it. Invalid ids are not remembered: they throw each time.
 */
export function parsePeriod(id: PeriodId): Period {
  let period = parsed.get(id);
  if (!period) {
    period = Object.freeze(parseUncached(id));
    if (parsed.size >= PARSED_LIMIT) parsed.clear();
    parsed.set(id, period);
  }
  return period;
}

function parseUncached(id: PeriodId): Period {
  if (typeof id !== 'string') throw new PeriodError('invalid_period', `period id must be a string`);
  let m: RegExpExecArray | null;
  if ((m = YEAR.exec(id))) {
    const year = Number(m[1]);
    checkYear(year, id);
    return build(id, 'year', year, dayIdOf(year, 1, 1), dayIdOf(year, 12, 31), { quarter: 0 });
  }
  if ((m = QUARTER.exec(id))) {
    const year = Number(m[1]);
    const quarter = Number(m[2]);
    checkYear(year, id);
    const lastMonth = quarter * 3;
    return build(id, 'quarter', year, dayIdOf(year, lastMonth - 2, 1), dayIdOf(year, lastMonth, daysInMonth(year, lastMonth)), { quarter });
  }
  if ((m = MONTH.exec(id))) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    checkYear(year, id);
    if (month < 1 || month > 12) throw new PeriodError('invalid_period', `no month ${m[2]} in period ${id}`);
    return build(id, 'month', year, dayIdOf(year, month, 1), dayIdOf(year, month, daysInMonth(year, month)), {
      quarter: Math.ceil(month / 3),
      month,
    });
  }
  if (isWeekId(id)) {
    const week = parseIsoWeekId(id);
    const { firstDay, lastDay } = isoWeekDays(week);
    return build(id, 'week', week.year, firstDay, lastDay, { quarter: 0, week: week.week });
  }
  if ((m = DAY.exec(id))) {
    const year = Number(m[1]);
    checkYear(year, id);
    try {
      splitDayId(id);
    } catch {
      throw new PeriodError('invalid_period', `no such day: ${id}`);
    }
    const month = Number(m[2]);
    return build(id, 'day', year, id, id, { quarter: Math.ceil(month / 3), month, day: Number(m[3]) });
  }
  throw new PeriodError('invalid_period', `not a DHIS2 period id (2024, 2024Q1, 202403, 2024W11, 20240315): ${id}`);
}

export function tryParsePeriod(id: string): Period | null {
  try {
    return parsePeriod(id);
  } catch {
    return null;
  }
}

export function isPeriodId(id: string): boolean {
  return tryParsePeriod(id) !== null;
}

export function granularityOf(id: PeriodId): Granularity {
  return parsePeriod(id).granularity;
}

/** The period of a granularity containing a CST day: `periodOfDay('20240315', 'quarter') === '2024Q1'`. */
export function periodOfDay(day: DayId, granularity: Granularity): PeriodId {
  const { year, month } = splitDayId(day);
  switch (granularity) {
    case 'day':
      return day;
    case 'week':
      return isoWeekId(isoWeekOfDay(day));
    case 'month':
      return day.slice(0, 6);
    case 'quarter':
      return `${year}Q${Math.ceil(month / 3)}`;
    case 'year':
      return String(year);
  }
}

/** Start instant (CST midnight of the first day). */
export function periodStart(id: PeriodId): Date {
  return parsePeriod(id).start;
}

/** End instant, exclusive: CST midnight after the last day. */
export function periodEnd(id: PeriodId): Date {
  return parsePeriod(id).end;
}
