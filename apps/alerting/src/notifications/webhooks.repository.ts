import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '@lib/database';
import type { Db } from '@lib/targets-store';

export type WebhookFormat = 'json' | 'wecom' | 'dingtalk';

export interface Webhook {
  id: string;
  region: string;
  url: string;
  format: WebhookFormat;
  secret: string | null;
  label: string;
  active: boolean;
  createdAt: Date;
}

const COLUMNS = `id, region, url, format, secret, label, active, created_at AS "createdAt"`;

/** Owns `alert_webhooks`: bureaus' receivers, per region. */
@Injectable()
export class WebhooksRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async create(webhook: Pick<Webhook, 'region' | 'url' | 'format' | 'secret' | 'label'>): Promise<Webhook> {
    const { rows } = await this.pool.query<Webhook>(
      `INSERT INTO alert_webhooks (region, url, format, secret, label) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
      [webhook.region, webhook.url, webhook.format, webhook.secret, webhook.label],
    );
    return rows[0];
  }

  async activeFor(db: Db, regions: readonly string[]): Promise<Webhook[]> {
    if (regions.length === 0) return [];
    const { rows } = await db.query<Webhook>(`SELECT ${COLUMNS} FROM alert_webhooks WHERE active AND region = ANY($1) ORDER BY id`, [regions]);
    return rows;
  }

  async byIds(ids: readonly string[]): Promise<Webhook[]> {
    if (ids.length === 0) return [];
    const { rows } = await this.pool.query<Webhook>(`SELECT ${COLUMNS} FROM alert_webhooks WHERE id = ANY($1::bigint[])`, [ids]);
    return rows;
  }

  async all(): Promise<Webhook[]> {
    const { rows } = await this.pool.query<Webhook>(`SELECT ${COLUMNS} FROM alert_webhooks ORDER BY id`);
    return rows;
  }

  /** Deactivates (kept for the history of deliveries that reference it). */
  async deactivate(id: string): Promise<boolean> {
    if (!/^\d{1,18}$/.test(id)) return false;
    const { rowCount } = await this.pool.query('UPDATE alert_webhooks SET active = false WHERE id = $1 AND active', [id]);
    return (rowCount ?? 0) > 0;
  }
}
