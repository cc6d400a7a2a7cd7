import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '@lib/database';
import type { SilenceMatcher } from './silence-match';

export interface Silence extends SilenceMatcher {
  id: string;
  createdBy: string;
  comment: string;
  createdAt: Date;
}

export type NewSilence = Pick<Silence, 'indicator' | 'region' | 'startsAt' | 'endsAt' | 'createdBy' | 'comment'>;

const COLUMNS = `id, indicator, region, starts_at AS "startsAt", ends_at AS "endsAt", created_by AS "createdBy", comment,
  created_at AS "createdAt", expired_at AS "expiredAt"`;

/** Owns `silences`. */
@Injectable()
export class SilencesRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async create(silence: NewSilence): Promise<Silence> {
    const { rows } = await this.pool.query<Silence>(
      `INSERT INTO silences (indicator, region, starts_at, ends_at, created_by, comment) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [silence.indicator, silence.region, silence.startsAt, silence.endsAt, silence.createdBy, silence.comment],
    );
    return rows[0];
  }

  /** Silences not yet over at `now` (including ones that start later). */
  async current(now: Date): Promise<Silence[]> {
    const { rows } = await this.pool.query<Silence>(
      `SELECT ${COLUMNS} FROM silences WHERE ends_at > $1 AND (expired_at IS NULL OR expired_at > $1) ORDER BY id`,
      [now],
    );
    return rows;
  }

  async all(limit = 500): Promise<Silence[]> {
    const { rows } = await this.pool.query<Silence>(`SELECT ${COLUMNS} FROM silences ORDER BY id DESC LIMIT $1`, [limit]);
    return rows;
  }

  async find(id: string): Promise<Silence | undefined> {
    if (!/^\d{1,18}$/.test(id)) return undefined;
    const { rows } = await this.pool.query<Silence>(`SELECT ${COLUMNS} FROM silences WHERE id = $1`, [id]);
    return rows[0];
  }

  /** Ends a silence now; undefined when unknown or already over. */
  async expire(id: string, now: Date): Promise<Silence | undefined> {
    if (!/^\d{1,18}$/.test(id)) return undefined;
    const { rows } = await this.pool.query<Silence>(
      `UPDATE silences SET expired_at = $2 WHERE id = $1 AND expired_at IS NULL AND ends_at > $2 RETURNING ${COLUMNS}`,
      [id, now],
    );
    return rows[0];
  }
}
