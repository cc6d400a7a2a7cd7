import { findIndicator, storedPeriodsOf } from '@lib/indicators';
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
 * A counter's value as readers see it in `rows`: a quarter's, year's or week's, of an indicator that
 * adds up, is the sum of its stored months or days.
 */
export function counterValue(rows: readonly CounterValue[], key: Omit<CounterValue, 'value'>): number {
  const def = findIndicator(key.indicator);
  const stored = def ? storedPeriodsOf(def, key.period) : { granularity: granularityOf(key.period), first: key.period, last: key.period };
  let sum = 0;
  for (const r of rows) {
    if (r.indicator !== key.indicator || r.measure !== key.measure || r.level !== key.level || r.region !== key.region) continue;
    if ((r.dims ?? '') !== (key.dims ?? '') || granularityOf(r.period) !== stored.granularity) continue;
    if (r.period >= stored.first && r.period <= stored.last) sum += r.value;
  }
  return sum;
}
