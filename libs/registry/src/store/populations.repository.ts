import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '@lib/database';
import type { PopulationRow } from '../population-group';

/** Owns `populations` (the column is `grp`: GROUP is reserved in SQL). */
@Injectable()
export class PopulationsRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** Inserts or replaces figures: a region, year and group has one count, the latest uploaded. */
  async upsert(rows: readonly PopulationRow[]): Promise<void> {
    await this.pool.query(
      `INSERT INTO populations (region, year, grp, count)
       SELECT region, year, "group", count FROM jsonb_to_recordset($1::jsonb)
         AS p(region text, year int, "group" text, count bigint)
       ON CONFLICT (region, year, grp) DO UPDATE SET count = EXCLUDED.count, updated_at = now()`,
      [JSON.stringify(rows)],
    );
  }

  async forYears(years: readonly number[]): Promise<PopulationRow[]> {
    const { rows } = await this.pool.query<PopulationRow>('SELECT region, year, grp AS "group", count::float8 AS count FROM populations WHERE year = ANY($1)', [
      years,
    ]);
    return rows;
  }
}
