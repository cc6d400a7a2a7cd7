import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { stagedColumns, StagingTable, stageRows, textArrayLiteral } from '@lib/database';
import { eventKey } from '@lib/indicators';
import type { StoredVersion } from '../counting/version-changes';

export interface EventVersionRow extends StoredVersion {
  institutionId: string;
  eventId: string;
}

const STAGING: StagingTable = {
  name: 'event_versions_staging',
  columns: [
    ['institution_id', 'text'],
    ['event_id', 'text'],
    ['version', 'int'],
    ['voided', 'boolean'],
    ['subjects', 'text[]'],
  ],
};

/** Owns `event_versions`: the latest version of each event, voided ones kept as tombstones. */
@Injectable()
export class EventVersionsRepository {
  /**
   * The stored latest versions of these events, row-locked for the transaction. An event's versions
   * share a partition (keyed by the institution's county), so the lock is uncontended; it guards the
   * read-compare-write against a partition that is briefly processed twice during a rebalance.
   */
  async lockLatest(client: PoolClient, events: ReadonlyArray<{ institutionId: string; eventId: string }>): Promise<Map<string, StoredVersion>> {
    if (events.length === 0) return new Map();
    const { rows } = await client.query<{ institution_id: string; event_id: string; version: number; voided: boolean; subjects: string[] }>(
      `SELECT v.institution_id, v.event_id, v.version, v.voided, v.subjects
       FROM event_versions v
       JOIN unnest($1::text[], $2::text[]) AS k(institution_id, event_id)
         ON v.institution_id = k.institution_id AND v.event_id = k.event_id
       ORDER BY v.institution_id, v.event_id
       FOR UPDATE OF v`,
      [events.map((e) => e.institutionId), events.map((e) => e.eventId)],
    );
    return new Map(
      rows.map((r) => [eventKey({ institutionId: r.institution_id, eventId: r.event_id }), { version: r.version, voided: r.voided, subjects: r.subjects }]),
    );
  }

  /** Staged with COPY, then merged in one statement (a JSON recordset cost twice as much in PostgreSQL). */
  async save(client: PoolClient, rows: readonly EventVersionRow[]): Promise<void> {
    if (rows.length === 0) return;
    await stageRows(
      client,
      STAGING,
      rows.map((r) => [r.institutionId, r.eventId, r.version, r.voided, textArrayLiteral(r.subjects)]),
    );
    await client.query(
      `INSERT INTO event_versions (${stagedColumns(STAGING)})
       SELECT ${stagedColumns(STAGING)} FROM ${STAGING.name}
       ON CONFLICT (institution_id, event_id) DO UPDATE SET
         version = EXCLUDED.version, voided = EXCLUDED.voided, subjects = EXCLUDED.subjects, updated_at = now()
       WHERE event_versions.version < EXCLUDED.version`,
    );
  }
}
