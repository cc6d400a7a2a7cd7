import { Inject, Injectable } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { copyRows, PG_POOL } from '@lib/database';
import type { Measure, RegionLevel } from '@lib/indicators';
import type { CounterDelta, CounterValue } from '../counting/counter-delta';

interface CounterRowSql {
  indicator: string;
  measure: Measure;
  level: RegionLevel;
  region: string;
  period: string;
  dims: string;
  value: string;
  revision: string;
  updated_at: Date;
}

const toValue = (r: CounterRowSql): CounterValue => ({
  indicator: r.indicator,
  measure: r.measure,
  level: r.level,
  region: r.region,
  period: r.period,
  dims: r.dims,
  value: Number(r.value),
  revision: Number(r.revision),
  asOf: r.updated_at.toISOString(),
});

const STAGING_COLUMNS = ['ord', 'indicator', 'measure', 'level', 'region', 'period', 'dims', 'delta'];

/** Owns `indicator_counters`: one row per (indicator, measure, level, region, period, dims). */
@Injectable()
export class IndicatorCountersRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /**
   * Adds a transaction's deltas, one row write per counter, and returns the new values. The deltas go
   * to a session-local staging table with COPY, then into the counters with one upsert in the order
   * given (sorted by the caller), which keeps concurrent transactions' row locks in one order.
   */
  async add(client: PoolClient, deltas: readonly CounterDelta[]): Promise<CounterValue[]> {
    if (deltas.length === 0) return [];
    await this.ensureStaging(client);
    await copyRows(client, 'counter_deltas_staging', STAGING_COLUMNS, deltas.map((d, i) => [i, d.indicator, d.measure, d.level, d.region, d.period, d.dims, d.delta]));
    const { rows } = await client.query<CounterRowSql>(
      `INSERT INTO indicator_counters AS c (indicator, measure, level, region, period, dims, value)
       SELECT indicator, measure, level, region, period, dims, delta FROM counter_deltas_staging ORDER BY ord
       ON CONFLICT (indicator, level, region, dims, measure, period) DO UPDATE SET
         value = c.value + EXCLUDED.value, revision = c.revision + 1, updated_at = now()
       RETURNING indicator, measure, level, region, period, dims, value, revision, updated_at`,
    );
    return rows.map(toValue);
  }

  /**
   * The staging table lives as long as the connection and empties at every COMMIT. Asked for in
   * every transaction (one round trip per transaction): one created in a transaction that then
   * rolled back is gone.
   */
  private async ensureStaging(client: PoolClient): Promise<void> {
    await client.query(
      `CREATE TEMP TABLE IF NOT EXISTS counter_deltas_staging (
         ord int NOT NULL, indicator text NOT NULL, measure text NOT NULL, level text NOT NULL,
         region text NOT NULL, period text NOT NULL, dims text NOT NULL, delta bigint NOT NULL
       ) ON COMMIT DELETE ROWS`,
    );
  }

  /**
   * Every counter (or those changed since `changedSince`), a page at a time in key order (keyset
   * pagination: no long-held snapshot, one pass over the table however selective the filter).
   */
  async *pages(pageSize = 5000, changedSince?: Date): AsyncGenerator<CounterValue[]> {
    let after: string[] | null = null;
    for (;;) {
      const result: { rows: CounterRowSql[] } = await this.pool.query<CounterRowSql>(
        `SELECT indicator, measure, level, region, period, dims, value, revision, updated_at
         FROM indicator_counters
         WHERE ($1::text[] IS NULL OR (indicator, level, region, dims, measure, period) > ($1[1], $1[2], $1[3], $1[4], $1[5], $1[6]))
           AND ($3::timestamptz IS NULL OR updated_at >= $3)
         ORDER BY indicator, level, region, dims, measure, period
         LIMIT $2`,
        [after, pageSize, changedSince ?? null],
      );
      const rows = result.rows;
      if (rows.length === 0) return;
      yield rows.map(toValue);
      const last: CounterRowSql = rows[rows.length - 1];
      after = [last.indicator, last.level, last.region, last.dims, last.measure, last.period];
      if (rows.length < pageSize) return;
    }
  }
}
