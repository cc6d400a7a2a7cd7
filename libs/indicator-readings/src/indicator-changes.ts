import { isPeriodId } from '@lib/periods';
import { derivedPeriodsOf, findIndicator, REGION_LEVELS, RegionLevel } from '@lib/indicators';

/**
 * One message of `health.indicator-changes.v1` (key: region), published by the aggregator after a
 * committed transaction: a cell (indicator, level, region, dims) and, per period whose counters the
 * transaction changed, the new value of each changed measure. One message per cell rather than per
 * period: an event moves a cell's day and month counters (and the quarter and year counters of the
 * indicators that do not add up) together. Measures not listed did not change; readers needing them
 * read Redis or PostgreSQL.
 */
export interface IndicatorChangeMessage {
  indicator: string;
  level: RegionLevel;
  region: string;
  dims: string;
  /** period id → measure → new value */
  periods: Record<string, Record<string, number>>;
  asOf: string;
}

/** The change of one period of a cell, as readers use it. */
export interface IndicatorChange {
  indicator: string;
  level: RegionLevel;
  region: string;
  period: string;
  dims: string;
  values: Record<string, number>;
  asOf: string;
}

/**
 * The period changes a message announces, with the periods they imply: the quarter and year of a
 * month, the week of a day, for an indicator read as their sum (`derivedPeriodsOf`; with no values,
 * as these are not stored). [] when it is malformed (skipped by readers, never thrown).
 */
export function parseIndicatorChanges(raw: Buffer | null): IndicatorChange[] {
  if (!raw) return [];
  let message: Partial<IndicatorChangeMessage>;
  try {
    message = JSON.parse(raw.toString('utf8')) as Partial<IndicatorChangeMessage>;
  } catch {
    return [];
  }
  const { indicator, level, region, dims, periods, asOf } = message;
  if (typeof indicator !== 'string' || typeof level !== 'string' || !(REGION_LEVELS as readonly string[]).includes(level) || typeof region !== 'string')
    return [];
  if (typeof periods !== 'object' || periods === null) return [];
  const changed = new Map<string, Record<string, number>>();
  for (const [period, values] of Object.entries(periods)) {
    if (isPeriodId(period) && typeof values === 'object' && values !== null) changed.set(period, values);
  }
  const def = findIndicator(indicator);
  if (def) {
    for (const period of [...changed.keys()]) {
      for (const derived of derivedPeriodsOf(def, period)) if (!changed.has(derived)) changed.set(derived, {});
    }
  }
  return [...changed].map(([period, values]) => ({
    indicator,
    level,
    region,
    period,
    dims: typeof dims === 'string' ? dims : '',
    values,
    asOf: typeof asOf === 'string' ? asOf : '',
  }));
}
