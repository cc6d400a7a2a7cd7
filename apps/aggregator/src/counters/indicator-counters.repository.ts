import { Inject, Injectable } from '@nestjs/common';
import type { ClientBase, Pool, PoolClient } from 'pg';
import { copyRows, PG_POOL } from '@lib/database';
import type { CounterKey } from '@lib/indicators';
import type { CounterDelta, CounterValue } from '../counting/counter-delta';

interface FoldedRowSql extends CounterKey {
  value: string;
  revision: string;
}

interface CounterRowSql extends FoldedRowSql {
  updated_at: Date;
}

const toValue = (r: FoldedRowSql, asOf: string): CounterValue => ({
  indicator: r.indicator,
  measure: r.measure,
  level: r.level,
  region: r.region,
  period: r.period,
  dims: r.dims,
  value: Number(r.value),
  revision: Number(r.revision),
  asOf,
});

/** The columns a counter change is appended with, in the order `append` gives them. */
const LOG_COLUMNS = ['indicator', 'level', 'region', 'dims', 'measure', 'period', 'delta'] as const;

/**
 * Arbitrates folds between aggregator instances and the rebuild tool (two-key advisory locks do not
 * share a key space with the one-key subject locks).
 */
const FOLD_LOCK = [0x636f756e, 0x666f6c64];

/** Waits until no other transaction folds the counter log, and keeps others from folding until COMMIT. */
export async function lockCounterFolds(client: ClientBase): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1, $2)', FOLD_LOCK);
}

/** A committed fold: the counters it changed, and its row in unannounced_counter_folds until they are announced. */
export interface CounterFold {
  id?: string;
  values: CounterValue[];
  /** Log rows it took (and deleted). */
  foldedRows: number;
  /** Whether it stopped at its limit with log rows left over. */
  more: boolean;
}

/** Counters to announce again: changed since `since`, by the folds up to `lastId` (and maybe later ones). */
export interface UnannouncedFolds {
  lastId: string;
  since: Date;
}

/**
 * The order a fold writes counters in: key order, so the upsert walks the primary key in order (any
 * order is correct: folds are serialised by the fold lock). Bytewise (COLLATE "C") is the index's own
 * order under the C and C.UTF-8 collations and sorts with memcmp and abbreviated keys instead of
 * strcoll on copied strings: ~a quarter of the fold's CPU for 20,000 log rows.
 */
const KEY_ORDER_C = ['indicator', 'level', 'region', 'dims', 'measure', 'period'].map((column) => `${column} COLLATE "C"`).join(', ');

/**
 * Moves committed changes from the counter log into the counters (all of them, or at most
 * `maxLogRows` log rows), summed per counter, and returns the counters' new values. Any subset may
 * be folded: a counter's value (row + log) is the same before and after. One fold at a time (the
 * lock, held to COMMIT); rows committed while it runs stay for the next one. A counter whose changes
 * cancel out is not touched. A fold that changed counters is recorded as unannounced until
 * `announced(id)`.
 */
export async function foldCounterLog(client: ClientBase, maxLogRows?: number): Promise<CounterFold> {
  await lockCounterFolds(client);
  const taken = maxLogRows === undefined ? '' : 'WHERE ctid = ANY (ARRAY(SELECT ctid FROM indicator_counter_log LIMIT $1))';
  const { rows } = await client.query<FoldedRowSql & { folded_rows: string }>(
    `WITH folded AS (
       DELETE FROM indicator_counter_log ${taken} RETURNING indicator, level, region, dims, measure, period, delta
     ), summed AS (
       SELECT indicator, level, region, dims, measure, period, sum(delta)::bigint AS delta
       FROM folded GROUP BY indicator, level, region, dims, measure, period HAVING sum(delta) <> 0
     ), written AS (
       INSERT INTO indicator_counters AS c (indicator, level, region, dims, measure, period, value)
       SELECT * FROM summed ORDER BY ${KEY_ORDER_C}
       ON CONFLICT (indicator, level, region, dims, measure, period) DO UPDATE SET
         value = c.value + EXCLUDED.value, revision = c.revision + 1, updated_at = now()
       RETURNING indicator, measure, level, region, period, dims, value, revision
     )
     SELECT written.*, (SELECT count(*) FROM folded) AS folded_rows FROM written`,
    maxLogRows === undefined ? [] : [maxLogRows],
  );
  const foldedRows = rows.length > 0 ? Number(rows[0].folded_rows) : 0;
  const more = maxLogRows !== undefined && foldedRows >= maxLogRows;
  if (rows.length === 0) return { values: [], foldedRows, more };
  // Every row written here got now(), the transaction's time, as its updated_at: read it once.
  const fold = await client.query<{ fold_id: string; folded_at: Date }>('INSERT INTO unannounced_counter_folds DEFAULT VALUES RETURNING fold_id, folded_at');
  const asOf = fold.rows[0].folded_at.toISOString();
  return { id: fold.rows[0].fold_id, values: rows.map((r) => toValue(r, asOf)), foldedRows, more };
}

/**
 * Reclaims the log's folded rows. The log is a queue: every row is inserted once and deleted once,
 * and a fold reads it from the start, so until its dead rows are vacuumed every fold scans all of
 * them (83 MB after 100,000 events) — a cost growing with the history instead of with the backlog.
 * Autovacuum's default thresholds (a fifth of the table) never fire for a table that empties itself,
 * and may be off. Index-free, so cheap (~0.3 s for 800,000 dead rows); outside any transaction.
 */
export async function vacuumCounterLog(pool: Pool): Promise<void> {
  await pool.query('VACUUM (SKIP_LOCKED) indicator_counter_log');
}

/**
 * Owns `indicator_counters` (one row per (indicator, measure, level, region, period, dims)) and the
 * log of changes folded into it (`indicator_counter_log`, see its migration).
 */
@Injectable()
export class IndicatorCountersRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** Appends a transaction's changes to the counter log with COPY: no row of indicator_counters is touched. */
  async append(client: PoolClient, deltas: readonly CounterDelta[]): Promise<void> {
    if (deltas.length === 0) return;
    await copyRows(
      client,
      'indicator_counter_log',
      LOG_COLUMNS,
      deltas.map((d) => [d.indicator, d.level, d.region, d.dims, d.measure, d.period, d.delta]),
    );
  }

  /** The fold's values are in Redis and on the change feed. */
  async announced(foldId: string): Promise<void> {
    await this.pool.query('DELETE FROM unannounced_counter_folds WHERE fold_id = $1', [foldId]);
  }

  /** Everything folded up to `lastId` is announced (a repair or refill covered it). */
  async announcedUpTo(lastId: string): Promise<void> {
    await this.pool.query('DELETE FROM unannounced_counter_folds WHERE fold_id <= $1', [lastId]);
  }

  /** The folds committed at least `minAgeMs` ago whose values were never announced, if any. */
  async unannounced(minAgeMs: number): Promise<UnannouncedFolds | undefined> {
    const { rows } = await this.pool.query<{ last_id: string | null; since: Date | null }>(
      `SELECT max(fold_id) AS last_id, min(folded_at) AS since FROM unannounced_counter_folds
       WHERE folded_at < now() - make_interval(secs => $1 / 1000.0)`,
      [minAgeMs],
    );
    const { last_id: lastId, since } = rows[0];
    return lastId === null || since === null ? undefined : { lastId, since };
  }

  /**
   * Every counter (or those changed since `changedSince`), a page at a time in key order (keyset
   * pagination: no long-held snapshot, one pass over the table however selective the filter).
   */
  async *pages(pageSize = 5000, changedSince?: Date): AsyncGenerator<CounterValue[]> {
    let after: string[] | null = null;
    for (;;) {
      const result: { rows: CounterRowSql[] } = await this.pool.query<CounterRowSql>(
        `SELECT indicator, measure, level, region, period, dims, value, revision, updated_at
         FROM indicator_counters
         WHERE ($1::text[] IS NULL OR (indicator, level, region, dims, measure, period) > ($1[1], $1[2], $1[3], $1[4], $1[5], $1[6]))
           AND ($3::timestamptz IS NULL OR updated_at >= $3)
         ORDER BY indicator, level, region, dims, measure, period
         LIMIT $2`,
        [after, pageSize, changedSince ?? null],
      );
      const rows = result.rows;
      if (rows.length === 0) return;
      yield rows.map((r) => toValue(r, r.updated_at.toISOString()));
      const last: CounterRowSql = rows[rows.length - 1];
      after = [last.indicator, last.level, last.region, last.dims, last.measure, last.period];
      if (rows.length < pageSize) return;
    }
  }
}
