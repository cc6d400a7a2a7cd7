import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '@lib/database';
import type { Region, SupersededRegion } from '../registry.types';

/** Owns `regions` and `superseded_regions`. */
@Injectable()
export class RegionsRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** Inserts or renames regions; parents must come first or be in the same call (sorted here by level). */
  async upsert(regions: Region[]): Promise<void> {
    const order = { province: 0, city: 1, county: 2 } as const;
    const sorted = [...regions].sort((a, b) => order[a.level] - order[b.level]);
    await this.pool.query(
      `INSERT INTO regions (code, name, level, parent_code)
       SELECT code, name, level, "parentCode" FROM jsonb_to_recordset($1::jsonb)
         AS r(code text, name text, level text, "parentCode" text)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, parent_code = EXCLUDED.parent_code, updated_at = now()`,
      [JSON.stringify(sorted)],
    );
  }

  async upsertSuperseded(superseded: SupersededRegion[]): Promise<void> {
    await this.pool.query(
      `INSERT INTO superseded_regions (old_code, current_code, old_name, since)
       SELECT "oldCode", "currentCode", "oldName", since FROM jsonb_to_recordset($1::jsonb)
         AS s("oldCode" text, "currentCode" text, "oldName" text, since int)
       ON CONFLICT (old_code) DO UPDATE SET current_code = EXCLUDED.current_code, old_name = EXCLUDED.old_name, since = EXCLUDED.since`,
      [JSON.stringify(superseded)],
    );
  }

  async all(): Promise<Region[]> {
    const { rows } = await this.pool.query<Region>('SELECT code, name, level, parent_code AS "parentCode" FROM regions ORDER BY code');
    return rows;
  }

  async allSuperseded(): Promise<SupersededRegion[]> {
    const { rows } = await this.pool.query<SupersededRegion>(
      `SELECT old_code AS "oldCode", current_code AS "currentCode", old_name AS "oldName", since
       FROM superseded_regions ORDER BY old_code`,
    );
    return rows.map((row) => ({ ...row, oldName: row.oldName ?? undefined, since: row.since ?? undefined }));
  }
}
