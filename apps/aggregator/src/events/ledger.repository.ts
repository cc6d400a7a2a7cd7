import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { eventKey, eventVersionKey, type CanonicalEvent } from '@lib/contracts';
import { lazyMap, stagedColumns, StagingTable, stageRows } from '@lib/database';

/** A canonical event version as the ledger keeps it. */
export interface LedgerEntry {
  institutionId: string;
  eventId: string;
  version: number;
  type: string;
  action: string;
  voided: boolean;
  occurredAt: string;
  receivedAt: string;
  partition: number;
  offset: string;
  payload: unknown;
  /** The payload as the message carried it: written to the ledger as is (no second JSON.stringify). */
  payloadJson: string;
}

const STAGING: StagingTable = {
  name: 'event_ledger_staging',
  columns: [
    ['institution_id', 'text'],
    ['event_id', 'text'],
    ['version', 'int'],
    ['type', 'text'],
    ['action', 'text'],
    ['voided', 'boolean'],
    ['occurred_at', 'timestamptz'],
    ['received_at', 'timestamptz'],
    ['kafka_partition', 'int'],
    ['kafka_offset', 'bigint'],
    ['payload', 'jsonb'],
  ],
};

/** Owns `event_ledger`: the applied event versions (dedupe key, corrections, provenance). */
@Injectable()
export class LedgerRepository {
  /**
   * Inserts the versions not seen before; returns those that were new (duplicates are dropped). The
   * versions are staged with COPY, then inserted in one statement.
   */
  async insertNew(client: PoolClient, entries: LedgerEntry[]): Promise<LedgerEntry[]> {
    const unique = [...new Map(entries.map((e) => [eventVersionKey(e), e])).values()];
    if (unique.length === 0) return [];
    await stageRows(
      client,
      STAGING,
      lazyMap(unique, (e) => [
        e.institutionId,
        e.eventId,
        e.version,
        e.type,
        e.action,
        e.voided,
        e.occurredAt,
        e.receivedAt,
        e.partition,
        e.offset,
        e.payloadJson,
      ]),
    );
    const { rows } = await client.query<{ institution_id: string; event_id: string; version: number }>(
      `INSERT INTO event_ledger (${stagedColumns(STAGING)})
       SELECT ${stagedColumns(STAGING)} FROM ${STAGING.name}
       ON CONFLICT (institution_id, event_id, version) DO NOTHING
       RETURNING institution_id, event_id, version`,
    );
    const inserted = new Set(rows.map((r) => eventVersionKey({ institutionId: r.institution_id, eventId: r.event_id, version: r.version })));
    return unique.filter((e) => inserted.has(eventVersionKey(e)));
  }

  /** The payloads of these versions, by event key (one version per event), one index lookup each. */
  async payloadsOf(
    client: PoolClient,
    versions: ReadonlyArray<{ institutionId: string; eventId: string; version: number }>,
  ): Promise<Map<string, CanonicalEvent>> {
    if (versions.length === 0) return new Map();
    // OFFSET 0 keeps each a separate lookup (as in the members query): the ledger grows fast.
    const { rows } = await client.query<{ payload: CanonicalEvent }>(
      `SELECT l.payload
       FROM unnest($1::text[], $2::text[], $3::int[]) AS k(institution_id, event_id, version)
       CROSS JOIN LATERAL (
         SELECT e.payload FROM event_ledger e
         WHERE e.institution_id = k.institution_id AND e.event_id = k.event_id AND e.version = k.version OFFSET 0
       ) l`,
      [versions.map((v) => v.institutionId), versions.map((v) => v.eventId), versions.map((v) => v.version)],
    );
    return new Map(rows.map(({ payload }) => [eventKey(payload), payload]));
  }
}
