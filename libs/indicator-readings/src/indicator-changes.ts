import { isPeriodId } from '@lib/periods';
import { REGION_LEVELS, RegionLevel } from '@lib/indicators';

/**
 * One message of `health.indicator-changes.v1` (key: region), published by the aggregator after a
 * committed transaction: a cell (indicator, level, region, dims) and, per period whose counters the
 * transaction changed, the new value of each changed measure. One message per cell rather than per
 * period: an event moves a cell's day, month, quarter and year counters together. Measures not listed
 * did not change; readers needing them read Redis or PostgreSQL.
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

/** The period changes a message announces; [] when it is malformed (skipped by readers, never thrown). */
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
  return Object.entries(periods)
    .filter(([period, values]) => isPeriodId(period) && typeof values === 'object' && values !== null)
    .map(([period, values]) => ({
      indicator,
      level,
      region,
      period,
      dims: typeof dims === 'string' ? dims : '',
      values,
      asOf: typeof asOf === 'string' ? asOf : '',
    }));
}
