import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '@lib/database';
import { alertKeyString, AlertEventRecord, AlertKey, AlertRecord, AlertState, listed, ListedAlert } from './alert.types';
import type { Db } from './db';

const COLUMNS = `id, kind, indicator, dims, level, region, period, bureau, target, state, status, expected, actual, gap, detail,
  resolve_reason AS "resolveReason", started_at AS "startedAt", fired_at AS "firedAt", resolved_at AS "resolvedAt",
  last_notified_at AS "lastNotifiedAt", evaluated_at AS "evaluatedAt", recovering_since AS "recoveringSince", acknowledged_at AS "acknowledgedAt",
  acknowledged_by AS "acknowledgedBy", ack_comment AS "ackComment", escalated_at AS "escalatedAt", escalated_to AS "escalatedTo"`;

/**
 * A list's state filter: a lifecycle state, `open` (pending or firing), or `cleared` — alerts that ended
 * pending, before anyone was told. Those are kept (history, topic) but are not episodes: `resolved` and
 * the unfiltered list leave them out.
 */
export type AlertListState = AlertState | 'open' | 'cleared';
export const ALERT_LIST_STATES: readonly AlertListState[] = ['open', 'pending', 'firing', 'resolved', 'cleared'];

/** How the latest alert of a cell ended (for the hold-down): when, and whether it had fired. */
export interface EndedAlert {
  at: Date;
  fired: boolean;
}

export interface AlertFilter {
  state?: AlertListState;
  /** Alerts owned by these bureaus or escalated to them. */
  bureaus?: string[];
  indicator?: string;
  limit?: number;
}

/** Owns `alerts` and `alert_events` (an alert and its history are written together). */
@Injectable()
export class AlertsRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** Open alerts for these keys, locked for the caller's transaction (evaluations of one key serialise). */
  async openForUpdate(db: Db, keys: readonly AlertKey[]): Promise<AlertRecord[]> {
    if (keys.length === 0) return [];
    const { rows } = await db.query<AlertRecord>(
      `SELECT ${COLUMNS} FROM alerts a
       WHERE state <> 'resolved' AND (kind, indicator, dims, level, region, period) IN (
         SELECT kind, indicator, dims, level, region, period
         FROM jsonb_to_recordset($1::jsonb) AS k(kind text, indicator text, dims text, level text, region text, period text))
       FOR UPDATE`,
      [JSON.stringify(keys)],
    );
    return rows;
  }

  /** How the latest alert of each of these keys ended (for the hold-down), by alertKeyString; keys never alerted are absent. */
  async lastEnded(db: Db, keys: readonly AlertKey[]): Promise<Map<string, EndedAlert>> {
    if (keys.length === 0) return new Map();
    const { rows } = await db.query<AlertKey & { at: Date; fired: boolean }>(
      `SELECT DISTINCT ON (kind, indicator, dims, level, region, period)
         kind, indicator, dims, level, region, period, resolved_at AS at, fired_at IS NOT NULL AS fired FROM alerts
       WHERE state = 'resolved' AND (kind, indicator, dims, level, region, period) IN (
         SELECT kind, indicator, dims, level, region, period
         FROM jsonb_to_recordset($1::jsonb) AS k(kind text, indicator text, dims text, level text, region text, period text))
       ORDER BY kind, indicator, dims, level, region, period, resolved_at DESC`,
      [JSON.stringify(keys)],
    );
    return new Map(rows.map((row) => [alertKeyString(row), { at: row.at, fired: row.fired }]));
  }

  /** Every open alert (the clock re-judges them: repeat, escalation, period ends). */
  async open(db: Db = this.pool): Promise<AlertRecord[]> {
    const { rows } = await db.query<AlertRecord>(`SELECT ${COLUMNS} FROM alerts WHERE state <> 'resolved' ORDER BY id`);
    return rows;
  }

  /** Firing alerts of these bureaus, for the "still behind" part of a grouped notification. */
  async firingOf(db: Db, bureaus: readonly string[]): Promise<AlertRecord[]> {
    if (bureaus.length === 0) return [];
    const { rows } = await db.query<AlertRecord>(`SELECT ${COLUMNS} FROM alerts WHERE state = 'firing' AND bureau = ANY($1) ORDER BY indicator, region`, [
      bureaus,
    ]);
    return rows;
  }

  async insert(db: Db, alert: Omit<AlertRecord, 'id'>): Promise<AlertRecord> {
    const { rows } = await db.query<AlertRecord>(
      `INSERT INTO alerts (kind, indicator, dims, level, region, period, bureau, target, state, status, expected, actual, gap, detail,
         started_at, fired_at, last_notified_at, evaluated_at, recovering_since)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
       RETURNING ${COLUMNS}`,
      [
        alert.kind,
        alert.indicator,
        alert.dims,
        alert.level,
        alert.region,
        alert.period,
        alert.bureau,
        alert.target && JSON.stringify(alert.target),
        alert.state,
        alert.status,
        alert.expected,
        alert.actual,
        alert.gap,
        JSON.stringify(alert.detail),
        alert.startedAt,
        alert.firedAt,
        alert.lastNotifiedAt,
        alert.evaluatedAt,
        alert.recoveringSince,
      ],
    );
    return rows[0];
  }

  /** Writes the mutable part of an alert back (state, values, lifecycle timestamps). */
  async update(db: Db, alert: AlertRecord): Promise<void> {
    await db.query(
      `UPDATE alerts SET state = $2, status = $3, expected = $4, actual = $5, gap = $6, detail = $7, target = $8, resolve_reason = $9,
         fired_at = $10, resolved_at = $11, last_notified_at = $12, evaluated_at = $13, escalated_at = $14, escalated_to = $15, recovering_since = $16
       WHERE id = $1`,
      [
        alert.id,
        alert.state,
        alert.status,
        alert.expected,
        alert.actual,
        alert.gap,
        JSON.stringify(alert.detail),
        alert.target && JSON.stringify(alert.target),
        alert.resolveReason,
        alert.firedAt,
        alert.resolvedAt,
        alert.lastNotifiedAt,
        alert.evaluatedAt,
        alert.escalatedAt,
        alert.escalatedTo,
        alert.recoveringSince,
      ],
    );
  }

  async recordEvent(db: Db, event: Omit<AlertEventRecord, 'id'>): Promise<string> {
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO alert_events (alert_id, transition, at, status, actual, expected, silenced, detail)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [event.alertId, event.transition, event.at, event.status, event.actual, event.expected, event.silenced, JSON.stringify(event.detail)],
    );
    return rows[0].id;
  }

  /** Marks an open alert acknowledged; undefined when there is no such open alert. */
  async acknowledge(db: Db, id: string, by: string, comment: string, at: Date): Promise<ListedAlert | undefined> {
    const { rows } = await db.query<AlertRecord>(
      `UPDATE alerts SET acknowledged_at = $3, acknowledged_by = $2, ack_comment = $4
       WHERE id = $1 AND state <> 'resolved' RETURNING ${COLUMNS}`,
      [id, by, at, comment],
    );
    return rows[0] && listed(rows[0]);
  }

  async find(id: string): Promise<ListedAlert | undefined> {
    if (!/^\d{1,18}$/.test(id)) return undefined;
    const { rows } = await this.pool.query<AlertRecord>(`SELECT ${COLUMNS} FROM alerts WHERE id = $1`, [id]);
    return rows[0] && listed(rows[0]);
  }

  async history(alertId: string): Promise<AlertEventRecord[]> {
    const { rows } = await this.pool.query<AlertEventRecord>(
      `SELECT id, alert_id AS "alertId", transition, at, status, actual, expected, silenced, detail FROM alert_events WHERE alert_id = $1 ORDER BY id`,
      [alertId],
    );
    return rows;
  }

  /** Newest first; without a state, the episodes: open alerts and those that fired (not the cleared ones). */
  async list(filter: AlertFilter): Promise<ListedAlert[]> {
    const { rows } = await this.pool.query<AlertRecord>(
      `SELECT ${COLUMNS} FROM alerts
       WHERE CASE COALESCE($1::text, 'episodes')
               WHEN 'episodes' THEN state <> 'resolved' OR fired_at IS NOT NULL
               WHEN 'open' THEN state <> 'resolved'
               WHEN 'resolved' THEN state = 'resolved' AND fired_at IS NOT NULL
               WHEN 'cleared' THEN state = 'resolved' AND fired_at IS NULL
               ELSE state = $1 END
         AND ($2::text[] IS NULL OR bureau = ANY($2) OR escalated_to = ANY($2))
         AND ($3::text IS NULL OR indicator = $3)
       ORDER BY started_at DESC, id DESC LIMIT $4`,
      [filter.state ?? null, filter.bureaus ?? null, filter.indicator ?? null, filter.limit ?? 500],
    );
    return rows.map(listed);
  }
}
