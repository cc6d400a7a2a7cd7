import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { eventVersionKey } from '@lib/contracts';
import { stagedColumns, StagingTable, stageRows } from '@lib/database';

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
      unique.map((e) => [e.institutionId, e.eventId, e.version, e.type, e.action, e.voided, e.occurredAt, e.receivedAt, e.partition, e.offset, e.payloadJson]),
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
}
