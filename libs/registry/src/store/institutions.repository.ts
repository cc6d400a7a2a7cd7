import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '@lib/database';
import type { Institution, InstitutionType } from '../registry.types';

export interface InstitutionFilter {
  county?: string;
  type?: InstitutionType;
}

/** What an operator may change on a registered institution; its county, type and level are its identity. */
export interface InstitutionChange {
  name?: string;
  active?: boolean;
}

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
    const { rows } = await this.pool.query<Institution>('SELECT id, name, county, type, level, active FROM institutions ORDER BY id');
    return rows;
  }

  async get(id: string): Promise<Institution | undefined> {
    const { rows } = await this.pool.query<Institution>('SELECT id, name, county, type, level, active FROM institutions WHERE id = $1', [id]);
    return rows[0];
  }

  async getMany(ids: readonly string[]): Promise<Institution[]> {
    const { rows } = await this.pool.query<Institution>('SELECT id, name, county, type, level, active FROM institutions WHERE id = ANY($1)', [ids]);
    return rows;
  }

  async list(filter: InstitutionFilter = {}): Promise<Institution[]> {
    const { rows } = await this.pool.query<Institution>(
      `SELECT id, name, county, type, level, active FROM institutions
       WHERE ($1::text IS NULL OR county = $1) AND ($2::text IS NULL OR type = $2)
       ORDER BY id`,
      [filter.county ?? null, filter.type ?? null],
    );
    return rows;
  }

  /** Applies the change; `undefined` when no such institution. */
  async update(id: string, change: InstitutionChange): Promise<Institution | undefined> {
    const { rows } = await this.pool.query<Institution>(
      `UPDATE institutions SET name = COALESCE($2, name), active = COALESCE($3, active), updated_at = now()
       WHERE id = $1 RETURNING id, name, county, type, level, active`,
      [id, change.name ?? null, change.active ?? null],
    );
    return rows[0];
  }
}
