import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '@lib/database';
import type { Db } from './db';

export interface NewOutboxRow {
  channel: 'topic' | 'webhook';
  webhookId: string | null;
  /** Kafka key (topic) or recipient region (webhook). */
  messageKey: string;
  idempotencyKey: string;
  payload: unknown;
}

export interface OutboxRow extends NewOutboxRow {
  id: string;
  attempts: number;
  state: 'pending' | 'delivered' | 'dead';
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
}

const COLUMNS = `id, channel, webhook_id AS "webhookId", message_key AS "messageKey", idempotency_key AS "idempotencyKey", payload, attempts, state,
  last_error AS "lastError", created_at AS "createdAt", delivered_at AS "deliveredAt"`;

/** Owns `notification_outbox`: written with the transitions, drained by the dispatcher. */
@Injectable()
export class OutboxRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async add(db: Db, rows: readonly NewOutboxRow[]): Promise<void> {
    if (rows.length === 0) return;
    await db.query(
      `INSERT INTO notification_outbox (channel, webhook_id, message_key, idempotency_key, payload)
       SELECT channel, "webhookId", "messageKey", "idempotencyKey", payload
       FROM jsonb_to_recordset($1::jsonb) AS r(channel text, "webhookId" bigint, "messageKey" text, "idempotencyKey" text, payload jsonb)
       ON CONFLICT (idempotency_key) DO NOTHING`,
      [JSON.stringify(rows)],
    );
  }

  /**
   * Claims due rows of one channel for `leaseMs` (another process, or this one after a crash, may take them
   * once the lease runs out). SKIP LOCKED lets several dispatchers share the table without waiting.
   */
  async claimDue(channel: 'topic' | 'webhook', limit: number, leaseMs: number): Promise<OutboxRow[]> {
    const { rows } = await this.pool.query<OutboxRow>(
      `UPDATE notification_outbox SET locked_until = now() + make_interval(secs => $3::float8 / 1000)
       WHERE id IN (
         SELECT id FROM notification_outbox
         WHERE state = 'pending' AND channel = $1 AND next_attempt_at <= now() AND (locked_until IS NULL OR locked_until < now())
         ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING ${COLUMNS}`,
      [channel, limit, leaseMs],
    );
    return rows.sort((a, b) => Number(a.id) - Number(b.id));
  }

  async delivered(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.pool.query(
      `UPDATE notification_outbox SET state = 'delivered', delivered_at = now(), attempts = attempts + 1, locked_until = NULL, last_error = NULL WHERE id = ANY($1::bigint[])`,
      [ids],
    );
  }

  async retryLater(id: string, retryInMs: number, error: string): Promise<void> {
    await this.pool.query(
      `UPDATE notification_outbox SET attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => $2::float8 / 1000),
         locked_until = NULL, last_error = $3 WHERE id = $1`,
      [id, retryInMs, error.slice(0, 500)],
    );
  }

  async deadLetter(id: string, error: string): Promise<void> {
    await this.pool.query(`UPDATE notification_outbox SET attempts = attempts + 1, state = 'dead', locked_until = NULL, last_error = $2 WHERE id = $1`, [
      id,
      error.slice(0, 500),
    ]);
  }

  async dead(limit = 200): Promise<OutboxRow[]> {
    const { rows } = await this.pool.query<OutboxRow>(`SELECT ${COLUMNS} FROM notification_outbox WHERE state = 'dead' ORDER BY id DESC LIMIT $1`, [limit]);
    return rows;
  }

  /** Puts a dead letter back in line (after the receiver is fixed); attempts start over. */
  async requeue(id: string): Promise<boolean> {
    if (!/^\d{1,18}$/.test(id)) return false;
    const { rowCount } = await this.pool.query(
      `UPDATE notification_outbox SET state = 'pending', attempts = 0, next_attempt_at = now(), last_error = NULL WHERE id = $1 AND state = 'dead'`,
      [id],
    );
    return (rowCount ?? 0) > 0;
  }
}
