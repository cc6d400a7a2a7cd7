import { counterSourceFromRows, CounterRow, findIndicator, storedCounterSource, storedPeriodsOf } from '@lib/indicators';
import { granularityOf } from '@lib/periods';
import type { Pool } from 'pg';

export interface CounterValue {
  indicator: string;
  level: string;
  region: string;
  measure: string;
  period: string;
  value: number;
  dims?: string;
}

/**
 * The period a test's counter is stored at: a quarter, year or week of an indicator that adds up is
 * not stored (it is read as the sum of its months or days), so its value goes on the first of those.
 */
export function storedPeriodOf(indicator: string, period: string): string {
  const def = findIndicator(indicator);
  return def ? storedPeriodsOf(def, period).first : period;
}

/**
 * Writes counters as the aggregator stores them (insert or replace, revision bumped): values without
 * the stream. A quarter's, year's or week's value lands on its first stored period (`storedPeriodOf`).
 */
export async function writeCounters(pool: Pool, counters: readonly CounterValue[]): Promise<void> {
  const stored = new Map<string, CounterValue & { dims: string }>();
  for (const c of counters) {
    const row = { dims: '', ...c, period: storedPeriodOf(c.indicator, c.period) };
    const key = [row.indicator, row.level, row.region, row.dims, row.measure, row.period].join('|');
    const same = stored.get(key);
    stored.set(key, same ? { ...same, value: same.value + row.value } : row);
  }
  await pool.query(
    `INSERT INTO indicator_counters (indicator, level, region, dims, measure, period, value)
     SELECT indicator, level, region, dims, measure, period, value
     FROM jsonb_to_recordset($1::jsonb) AS c(indicator text, level text, region text, dims text, measure text, period text, value bigint)
     ON CONFLICT (indicator, level, region, dims, measure, period) DO UPDATE SET
       value = EXCLUDED.value, revision = indicator_counters.revision + 1, updated_at = now()`,
    [JSON.stringify([...stored.values()])],
  );
}

/**
 * A counter's value as readers see it in `rows` (`storedCounterSource`): a quarter's, year's or
 * week's, of an indicator that adds up, is the sum of its stored months or days.
 */
export function counterValue(rows: readonly CounterRow[], key: Omit<CounterRow, 'value' | 'dims'> & { dims?: string }): number {
  const def = findIndicator(key.indicator);
  const source = counterSourceFromRows(rows, { indicator: key.indicator, level: key.level, region: key.region, dims: key.dims ?? '' });
  return (def ? storedCounterSource(def, source) : source).sum(key.measure, granularityOf(key.period), key.period, key.period);
}
