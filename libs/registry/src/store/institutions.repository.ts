import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '@lib/database';
import type { Institution } from '../registry.types';

/** Owns `institutions`. */
@Injectable()
export class InstitutionsRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async upsert(institutions: Institution[]): Promise<void> {
    await this.pool.query(
      `INSERT INTO institutions (id, name, county, type, level, active)
       SELECT id, name, county, type, level, active FROM jsonb_to_recordset($1::jsonb)
         AS i(id text, name text, county text, type text, level smallint, active boolean)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, county = EXCLUDED.county, type = EXCLUDED.type,
         level = EXCLUDED.level, active = EXCLUDED.active, updated_at = now()`,
      [JSON.stringify(institutions)],
    );
  }

  async all(): Promise<Institution[]> {
    const { rows } = await this.pool.query<Institution>(
      'SELECT id, name, county, type, level, active FROM institutions ORDER BY id',
    );
    return rows;
  }

  async get(id: string): Promise<Institution | undefined> {
    const { rows } = await this.pool.query<Institution>(
      'SELECT id, name, county, type, level, active FROM institutions WHERE id = $1',
      [id],
    );
    return rows[0];
  }
}
