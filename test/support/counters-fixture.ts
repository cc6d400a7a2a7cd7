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

/** Writes counters as the aggregator stores them (insert or replace, revision bumped): values without the stream. */
export async function writeCounters(pool: Pool, counters: readonly CounterValue[]): Promise<void> {
  await pool.query(
    `INSERT INTO indicator_counters (indicator, level, region, dims, measure, period, value)
     SELECT indicator, level, region, dims, measure, period, value
     FROM jsonb_to_recordset($1::jsonb) AS c(indicator text, level text, region text, dims text, measure text, period text, value bigint)
     ON CONFLICT (indicator, level, region, dims, measure, period) DO UPDATE SET
       value = EXCLUDED.value, revision = indicator_counters.revision + 1, updated_at = now()`,
    [JSON.stringify(counters.map((c) => ({ dims: '', ...c })))],
  );
}
