import { Inject, Injectable } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { PG_POOL, StagingTable, stageRows } from '@lib/database';
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

const STAGING: StagingTable = {
  name: 'counter_deltas_staging',
  columns: [['ord', 'int'], ['indicator', 'text'], ['measure', 'text'], ['level', 'text'], ['region', 'text'], ['period', 'text'], ['dims', 'text'], ['delta', 'bigint']],
};

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
    await stageRows(client, STAGING, deltas.map((d, i) => [i, d.indicator, d.measure, d.level, d.region, d.period, d.dims, d.delta]));
    const { rows } = await client.query<CounterRowSql>(
      `INSERT INTO indicator_counters AS c (indicator, measure, level, region, period, dims, value)
       SELECT indicator, measure, level, region, period, dims, delta FROM ${STAGING.name} ORDER BY ord
       ON CONFLICT (indicator, level, region, dims, measure, period) DO UPDATE SET
         value = c.value + EXCLUDED.value, revision = c.revision + 1, updated_at = now()
       RETURNING indicator, measure, level, region, period, dims, value, revision, updated_at`,
    );
    return rows.map(toValue);
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
