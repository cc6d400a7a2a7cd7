import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '@lib/database';

export interface EventVersionKey {
  institutionId: string;
  eventId: string;
  version: number;
}

export const versionKey = (k: EventVersionKey) => `${k.institutionId}\u0000${k.eventId}\u0000${k.version}`;

/** Owns `ingest_receipts`: the event versions already made durable on the canonical topic. */
@Injectable()
export class ReceiptsRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** Which of these versions were accepted before (as `versionKey` strings). */
  async alreadyAccepted(keys: EventVersionKey[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const { rows } = await this.pool.query<EventVersionKey>(
      `SELECT r.institution_id AS "institutionId", r.event_id AS "eventId", r.version
       FROM ingest_receipts r
       JOIN jsonb_to_recordset($1::jsonb) AS k("institutionId" text, "eventId" text, version int)
         ON r.institution_id = k."institutionId" AND r.event_id = k."eventId" AND r.version = k.version`,
      [JSON.stringify(keys)],
    );
    return new Set(rows.map(versionKey));
  }

  async record(keys: EventVersionKey[]): Promise<void> {
    if (keys.length === 0) return;
    await this.pool.query(
      `INSERT INTO ingest_receipts (institution_id, event_id, version)
       SELECT "institutionId", "eventId", version FROM jsonb_to_recordset($1::jsonb)
         AS k("institutionId" text, "eventId" text, version int)
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(keys)],
    );
  }
}
