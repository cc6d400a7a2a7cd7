import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { eventKey } from '@lib/contracts';
import { lazyMap, stagedColumns, StagingTable, stageRows, textArrayLiteral } from '@lib/database';
import type { StoredVersion } from '../counting/version-changes';

export interface EventVersionRow extends StoredVersion {
  institutionId: string;
  eventId: string;
  /** The stored version this one replaces, as `lockLatest` read it; null when it read none. */
  replaces: number | null;
}

/**
 * Another transaction stored a version of an event between this transaction's `lockLatest` (which
 * found no row to lock) and its write: what was computed against "no version" is void. SQLSTATE 40001
 * (serialization failure), so the batch is retried and then reads the other's version.
 */
export class ConcurrentFirstVersionError extends Error {
  readonly code = '40001';
  constructor(expected: number, written: number) {
    super(`event_versions: ${written} of ${expected} first versions were inserted; another transaction wrote the others first`);
    this.name = 'ConcurrentFirstVersionError';
  }
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

  /**
   * Staged with COPY, then merged in one statement (a JSON recordset cost twice as much in PostgreSQL).
   * Rows `lockLatest` found are locked, so they update. A row it did not find has no lock to hold
   * (the event's first version here): if another transaction inserted one meanwhile, this insert
   * waits for it and then finds a conflict, and the transaction fails with `ConcurrentFirstVersionError`
   * instead of keeping counters computed against no version. Events' versions share a partition, whose
   * transactions the offsets row serialises, so this takes two partitions writing one event at once
   * (an institution moving county).
   */
  async save(client: PoolClient, rows: readonly EventVersionRow[]): Promise<void> {
    if (rows.length === 0) return;
    await stageRows(
      client,
      STAGING,
      lazyMap(rows, (r) => [r.institutionId, r.eventId, r.version, r.voided, textArrayLiteral(r.subjects)]),
    );
    // xmax = 0 only on a freshly inserted row; a conflict that updated carries the updater's lock.
    const { rows: counts } = await client.query<{ inserted: number; written: number }>(
      `WITH written AS (
         INSERT INTO event_versions (${stagedColumns(STAGING)})
         SELECT ${stagedColumns(STAGING)} FROM ${STAGING.name}
         ON CONFLICT (institution_id, event_id) DO UPDATE SET
           version = EXCLUDED.version, voided = EXCLUDED.voided, subjects = EXCLUDED.subjects, updated_at = now()
         WHERE event_versions.version < EXCLUDED.version
         RETURNING xmax = 0 AS inserted
       )
       SELECT (count(*) FILTER (WHERE inserted))::int AS inserted, count(*)::int AS written FROM written`,
    );
    const firsts = rows.filter((r) => r.replaces === null).length;
    if (counts[0].inserted !== firsts || counts[0].written !== rows.length) throw new ConcurrentFirstVersionError(firsts, counts[0].inserted);
  }
}
