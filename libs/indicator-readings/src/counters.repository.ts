import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '@lib/database';
import type { CounterRow, RegionLevel } from '@lib/indicators';
import type { Granularity } from '@lib/periods';
import type { CounterRange } from './counter-ranges';

/** Period ids of one granularity, told apart by shape (they share no format). */
const PERIOD_SHAPE: Record<Granularity, string> = {
  year: '^[0-9]{4}$',
  quarter: '^[0-9]{4}Q[1-4]$',
  month: '^[0-9]{6}$',
  week: '^[0-9]{4}W[0-9]{2}$',
  day: '^[0-9]{8}$',
};

export interface StoredCounter extends CounterRow {
  updatedAt: Date;
}

/** Reads the counter values (`indicator_counter_values`, written by the aggregator) for the cells a request needs. */
@Injectable()
export class CountersRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async rows(indicator: string, level: RegionLevel, regions: string[], dims: string, ranges: CounterRange[]): Promise<StoredCounter[]> {
    if (regions.length === 0 || ranges.length === 0) return [];
    const { rows } = await this.pool.query<StoredCounter>(
      `SELECT c.indicator, c.measure, c.level, c.region, c.period, c.dims, c.value::float8 AS value, c.updated_at AS "updatedAt"
       FROM indicator_counter_values c
       JOIN jsonb_to_recordset($5::jsonb) AS r(shape text, "from" text, "to" text)
         ON c.period ~ r.shape AND c.period <= r."to" AND (r."from" IS NULL OR c.period >= r."from")
       WHERE c.indicator = $1 AND c.level = $2 AND c.region = ANY($3) AND c.dims = $4`,
      [indicator, level, regions, dims, JSON.stringify(ranges.map((r) => ({ shape: PERIOD_SHAPE[r.granularity], from: r.from, to: r.to })))],
    );
    return rows;
  }
}
