import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '@lib/database';
import type { Target, TargetRule } from '../target.types';

export interface StoredTarget extends Target {
  /** Where the figure comes from (a work plan's name), for people reading the list. */
  source: string;
  updatedAt: Date;
}

const COLUMNS = `indicator, scope, year, dims, rule, tolerance, min_denominator AS "minDenominator", source, updated_at AS "updatedAt"`;

/** Owns `targets`: upserts by (indicator, scope, year, dims) and reads by year. */
@Injectable()
export class TargetsRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** Inserts or replaces targets, all in one statement (a PUT is all or nothing). */
  async upsert(targets: readonly (Target & { source?: string })[]): Promise<number> {
    if (targets.length === 0) return 0;
    const { rowCount } = await this.pool.query(
      `INSERT INTO targets (indicator, scope, year, dims, rule, tolerance, min_denominator, source)
       SELECT indicator, scope, year, dims, rule, tolerance, "minDenominator", source
       FROM jsonb_to_recordset($1::jsonb) AS t(indicator text, scope text, year int, dims text, rule jsonb, tolerance float8, "minDenominator" float8, source text)
       ON CONFLICT (indicator, scope, year, dims) DO UPDATE SET
         rule = EXCLUDED.rule, tolerance = EXCLUDED.tolerance, min_denominator = EXCLUDED.min_denominator,
         source = EXCLUDED.source, updated_at = now()`,
      [JSON.stringify(targets.map((t) => ({ ...t, source: t.source ?? '' })))],
    );
    return rowCount ?? 0;
  }

  async forYears(years: readonly number[]): Promise<StoredTarget[]> {
    const { rows } = await this.pool.query<StoredTarget & { rule: TargetRule }>(
      `SELECT ${COLUMNS} FROM targets WHERE year = ANY($1) ORDER BY year, indicator, scope, dims`,
      [years],
    );
    return rows;
  }

  async all(): Promise<StoredTarget[]> {
    const { rows } = await this.pool.query<StoredTarget>(`SELECT ${COLUMNS} FROM targets ORDER BY year, indicator, scope, dims`);
    return rows;
  }

  async remove(indicator: string, scope: string, year: number, dims: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('DELETE FROM targets WHERE indicator = $1 AND scope = $2 AND year = $3 AND dims = $4', [
      indicator,
      scope,
      year,
      dims,
    ]);
    return (rowCount ?? 0) > 0;
  }
}
