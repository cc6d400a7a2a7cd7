import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';

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
}

/** Owns `event_ledger`: the applied event versions (dedupe key, corrections, provenance). */
@Injectable()
export class LedgerRepository {
  /** Inserts the versions not seen before; returns those that were new (duplicates are dropped). */
  async insertNew(client: PoolClient, entries: LedgerEntry[]): Promise<LedgerEntry[]> {
    const unique = [...new Map(entries.map((e) => [ledgerKey(e.institutionId, e.eventId, e.version), e])).values()];
    if (unique.length === 0) return [];
    const { rows } = await client.query<{ institution_id: string; event_id: string; version: number }>(
      `INSERT INTO event_ledger (institution_id, event_id, version, type, action, voided, occurred_at, received_at,
                                 kafka_partition, kafka_offset, payload)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS e(
         "institutionId" text, "eventId" text, version int, type text, action text, voided boolean,
         "occurredAt" timestamptz, "receivedAt" timestamptz, partition int, "offset" bigint, payload jsonb)
       ON CONFLICT (institution_id, event_id, version) DO NOTHING
       RETURNING institution_id, event_id, version`,
      [JSON.stringify(unique)],
    );
    const inserted = new Set(rows.map((r) => ledgerKey(r.institution_id, r.event_id, r.version)));
    return unique.filter((e) => inserted.has(ledgerKey(e.institutionId, e.eventId, e.version)));
  }
}

function ledgerKey(institutionId: string, eventId: string, version: number): string {
  return `${institutionId}\u0000${eventId}\u0000${version}`;
}
