import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { eventKey } from '@lib/contracts';
import { lazyMap, stagedColumns, StagingTable, stageRows, textArrayLiteral } from '@lib/database';
import type { SubjectKey } from '@lib/indicators';
import type { StoredVersion } from '../counting/version-changes';

/** A row of `event_versions`: an event's latest version. */
export interface EventVersionRow {
  institutionId: string;
  eventId: string;
  version: number;
  voided: boolean;
  /** The subjects that version joined (none when voided). */
  subjects: SubjectKey[];
}

/**
 * Fewer stored versions were replaced than `lockLatest` locked for replacing: the rows changed under
 * their lock, which only a manual edit of the table can do. Not transient: the batch fails, and the
 * consumer reports itself crashed (health red) while it fails.
 */
export class LockedVersionsChangedError extends Error {
  constructor(expected: number, written: number) {
    super(`event_versions: ${written} of ${expected} locked latest versions were replaced`);
    this.name = 'LockedVersionsChangedError';
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

/**
 * Owns `event_versions`: the latest version of each event, voided ones kept as tombstones. In a
 * transaction: `stageAndInsertFirsts` (the arriving versions, highest per event; those of events with
 * no stored version are inserted), `lockLatest` (the others' stored versions), then `replaceOlder`.
 */
@Injectable()
export class EventVersionsRepository {
  /**
   * Stages the arriving versions with COPY (a JSON recordset cost twice as much in PostgreSQL) and
   * inserts those whose event has no stored version: its first one here, for which there is nothing to
   * read or compare, so most of a backfill costs one statement instead of a locking read and a write.
   * Returns the inserted events' keys. An event another transaction is inserting meanwhile (two
   * partitions applying one event: an institution moving county) makes this wait for it and then
   * find its row: the event then goes through `lockLatest` like any stored one. Inserted in key order,
   * as `lockLatest` locks, so that two such transactions do not wait for each other crosswise.
   */
  async stageAndInsertFirsts(client: PoolClient, arriving: readonly EventVersionRow[]): Promise<Set<string>> {
    if (arriving.length === 0) return new Set();
    await stageRows(
      client,
      STAGING,
      lazyMap(arriving, (r) => [r.institutionId, r.eventId, r.version, r.voided, textArrayLiteral(r.subjects)]),
    );
    const { rows } = await client.query<{ institution_id: string; event_id: string }>(
      `INSERT INTO event_versions (${stagedColumns(STAGING)})
       SELECT ${stagedColumns(STAGING)} FROM ${STAGING.name} ORDER BY institution_id, event_id
       ON CONFLICT (institution_id, event_id) DO NOTHING
       RETURNING institution_id, event_id`,
    );
    return new Set(rows.map((r) => eventKey({ institutionId: r.institution_id, eventId: r.event_id })));
  }

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
   * Gives the events `lockLatest` locked their new versions: an upsert, whose conflict check probes
   * the primary key once per row whatever the planner thinks (an `UPDATE … FROM` these rows was
   * planned as a hash join over a scan of every stored version: 70–100 ms at 99,000 events). The rows
   * are locked and each is below its new version, so fewer rows written is a broken invariant.
   */
  async replaceOlder(client: PoolClient, rows: readonly EventVersionRow[]): Promise<void> {
    if (rows.length === 0) return;
    const { rowCount } = await client.query(
      `INSERT INTO event_versions (institution_id, event_id, version, voided, subjects)
       SELECT institution_id, event_id, version, voided, subjects::text[]
       FROM unnest($1::text[], $2::text[], $3::int[], $4::boolean[], $5::text[]) AS k(institution_id, event_id, version, voided, subjects)
       ON CONFLICT (institution_id, event_id) DO UPDATE SET
         version = EXCLUDED.version, voided = EXCLUDED.voided, subjects = EXCLUDED.subjects, updated_at = now()
       WHERE event_versions.version < EXCLUDED.version`,
      [
        rows.map((r) => r.institutionId),
        rows.map((r) => r.eventId),
        rows.map((r) => r.version),
        rows.map((r) => r.voided),
        rows.map((r) => textArrayLiteral(r.subjects)),
      ],
    );
    if (rowCount !== rows.length) throw new LockedVersionsChangedError(rows.length, rowCount ?? 0);
  }
}
