import { Granularity, parsePeriod, PeriodId, periodOfDay } from '@lib/periods';
import type { IndicatorDefinition } from './indicator.types';

/** The finer granularity a period is the sum of, when its indicator's contributions add up. */
const SUMMED_FROM: Partial<Record<Granularity, Granularity>> = { quarter: 'month', year: 'month', week: 'day' };

/**
 * Whether an indicator's counters add up across periods: every counting rule places each delta on one
 * day, carried alike into the day's week, month, quarter and year — except `distinct_per_period`,
 * where a person counts once per period: a woman screened in March and in May is one in each month
 * and one in the year, so a year is not the sum of its months.
 */
export function addsUp(def: IndicatorDefinition): boolean {
  return def.counting.kind !== 'distinct_per_period';
}

/**
 * The granularity a value at `granularity` is read from: itself, or for an indicator that adds up the
 * finer one it is the sum of (quarter and year: months; week: days). Storing only those takes the
 * quarter, year and week counters out of every event's writes (~30 % of the counter rows of a
 * year-long backfill, ~45 % of a live feed's), for a read of 3–12 month rows instead of one.
 */
export function storedGranularityOf(def: IndicatorDefinition, granularity: Granularity): Granularity {
  const finer = SUMMED_FROM[granularity];
  return finer !== undefined && addsUp(def) && def.periods.includes(finer) ? finer : granularity;
}

const storedByDefinition = new WeakMap<IndicatorDefinition, readonly Granularity[]>();

/** The granularities of `def.periods` its counters are stored at. */
export function storedGranularities(def: IndicatorDefinition): readonly Granularity[] {
  let stored = storedByDefinition.get(def);
  if (!stored) storedByDefinition.set(def, (stored = def.periods.filter((g) => storedGranularityOf(def, g) === g)));
  return stored;
}

/** The stored periods a period of `def` is the sum of, first and last (the period itself when stored). */
export function storedPeriodsOf(def: IndicatorDefinition, period: PeriodId): { granularity: Granularity; first: PeriodId; last: PeriodId } {
  const { granularity, firstDay, lastDay } = parsePeriod(period);
  const stored = storedGranularityOf(def, granularity);
  if (stored === granularity) return { granularity, first: period, last: period };
  return { granularity: stored, first: periodOfDay(firstDay, stored), last: periodOfDay(lastDay, stored) };
}

/**
 * The periods of `def` read from a stored period but not stored themselves (a month's quarter and
 * year, a day's week): a change of the stored period changes them too.
 */
export function derivedPeriodsOf(def: IndicatorDefinition, period: PeriodId): PeriodId[] {
  const { granularity, firstDay } = parsePeriod(period);
  return def.periods.filter((g) => g !== granularity && storedGranularityOf(def, g) === granularity).map((g) => periodOfDay(firstDay, g));
}
