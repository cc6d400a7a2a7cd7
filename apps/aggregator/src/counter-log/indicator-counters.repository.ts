import { Inject, Injectable } from '@nestjs/common';
import type { ClientBase, Pool, PoolClient } from 'pg';
import { copyRows, lazyMap, PG_POOL } from '@lib/database';
import type { CounterKey } from '@lib/indicators';
import type { CounterValue, SummedCounter } from '../counting/counter-delta';
import type { CounterIds } from './counter-ids';

interface CounterColumnsSql extends CounterKey {
  value: string;
  revision: string;
}

interface CounterRowSql extends CounterColumnsSql {
  updated_at: Date;
}

const toValue = (r: CounterColumnsSql, asOf: string): CounterValue => ({
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

/** A counter's key columns in `indicator_counters`, in primary-key order. */
const COUNTER_KEY_COLUMNS = 'indicator, level, region, dims, measure, period';

/** The columns a counter change is appended with, in the order `append` gives them. */
const LOG_COLUMNS = ['counter_id', 'indicator', 'level', 'region', 'dims', 'measure', 'period', 'delta'] as const;

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
  /** The id of each counter in `values`, in the same order. */
  counterIds: number[];
  /** Log rows it took (and deleted). */
  foldedRows: number;
  /** Whether it stopped at its limit with committed log rows left over. */
  more: boolean;
}

/** Counters to announce again: changed since `since`, by the folds up to `lastId` (and maybe later ones). */
export interface UnannouncedFolds {
  lastId: string;
  since: Date;
}

/**
 * The order a fold writes key-named changes in: key order, so the upsert walks the primary key in
 * order (any order is correct: folds are serialised by the fold lock). Bytewise (COLLATE "C") is the
 * index's own order under the C and C.UTF-8 collations and sorts with memcmp and abbreviated keys
 * instead of strcoll on copied strings: ~a quarter of a fold's CPU for 20,000 key-named log rows.
 */
const KEY_ORDER_C = COUNTER_KEY_COLUMNS.split(', ')
  .map((column) => `${column} COLLATE "C"`)
  .join(', ');

/** Log rows of one kind (named by key, or by id) of the transactions a fold takes (`$1`). */
function takenRows(naming: 'counter_id IS NULL' | 'counter_id IS NOT NULL'): string {
  return `WHERE appended_by = ANY ($1::xid8[]) AND ${naming}`;
}

/**
 * The appending transactions a fold takes, oldest first: all of them, or as many whole ones as fit in
 * `maxLogRows` log rows (at least one), as `counter_log_appends` counts them (the log's insert trigger,
 * migration 1764000000810). Each statement of a READ COMMITTED fold sees the transactions committed
 * when it starts; naming them keeps the fold's statements to the same ones, whole.
 */
async function transactionsToFold(client: ClientBase, maxLogRows: number | undefined): Promise<{ taken: string[]; more: boolean }> {
  const appended = await client.query<{ appended_by: string; log_rows: string }>(
    'SELECT appended_by::text, log_rows FROM counter_log_appends ORDER BY appended_by',
  );
  const taken: string[] = [];
  let rows = 0;
  for (const transaction of appended.rows) {
    rows += Number(transaction.log_rows);
    if (maxLogRows !== undefined && taken.length > 0 && rows > maxLogRows) break;
    taken.push(transaction.appended_by);
  }
  return { taken, more: taken.length < appended.rows.length };
}

const WRITTEN_COLUMNS = 'c.id, c.indicator, c.measure, c.level, c.region, c.period, c.dims, c.value, c.revision';

/** A fold statement's answer: the rows it wrote (none: one row of NULLs) with the log rows it took and the counters it summed. */
const WRITTEN_WITH_COUNTS = `SELECT w.*, t.folded_rows, t.summed_counters
  FROM (SELECT (SELECT count(*) FROM folded) AS folded_rows, (SELECT count(*) FROM summed) AS summed_counters) t
  LEFT JOIN written w ON true`;

interface FoldStatementRow extends CounterColumnsSql {
  id: string | null;
  folded_rows: string;
  summed_counters: string;
}

/**
 * Moves committed changes from the counter log into the counters (all of them, or at most
 * `maxLogRows` log rows unless one transaction alone has more: always whole appending transactions),
 * summed per counter, and returns the counters' new values and ids. Any set of whole transactions may
 * be folded: a counter's value (row + log) is the same before and after, and the folded counters are
 * always the state after whole transactions. One fold at a time (the lock, held to COMMIT);
 * transactions committed while it runs stay for the next one. A counter whose changes cancel out is
 * not touched. A fold that changed counters is recorded as unannounced until `announced(id)`.
 *
 * Two statements, each deleting exactly the rows it folds: changes named by key are upserted by key
 * (creating the counters never stored), then changes named by id update their rows through the id
 * index. A counter named both ways in one fold is written by both (its revision grows by two) and
 * answered once, with the second value.
 */
export async function foldCounterLog(client: ClientBase, maxLogRows?: number): Promise<CounterFold> {
  await lockCounterFolds(client);
  const { taken, more } = await transactionsToFold(client, maxLogRows);
  if (taken.length === 0) return { values: [], counterIds: [], foldedRows: 0, more };
  const byKey = await client.query<FoldStatementRow>(
    `WITH folded AS (
       DELETE FROM indicator_counter_log ${takenRows('counter_id IS NULL')} RETURNING ${COUNTER_KEY_COLUMNS}, delta
     ), summed AS (
       SELECT ${COUNTER_KEY_COLUMNS}, sum(delta)::bigint AS delta FROM folded GROUP BY ${COUNTER_KEY_COLUMNS} HAVING sum(delta) <> 0
     ), written AS (
       INSERT INTO indicator_counters AS c (${COUNTER_KEY_COLUMNS}, value)
       SELECT * FROM summed ORDER BY ${KEY_ORDER_C}
       ON CONFLICT (${COUNTER_KEY_COLUMNS}) DO UPDATE SET value = c.value + EXCLUDED.value, revision = c.revision + 1, updated_at = now()
       RETURNING ${WRITTEN_COLUMNS}
     )
     ${WRITTEN_WITH_COUNTS}`,
    [taken],
  );
  const byId = await client.query<FoldStatementRow>(
    `WITH folded AS (
       DELETE FROM indicator_counter_log ${takenRows('counter_id IS NOT NULL')} RETURNING counter_id, delta
     ), summed AS (
       SELECT counter_id, sum(delta)::bigint AS delta FROM folded GROUP BY counter_id HAVING sum(delta) <> 0
     ), written AS (
       UPDATE indicator_counters AS c SET value = c.value + s.delta, revision = c.revision + 1, updated_at = now()
       FROM summed s WHERE c.id = s.counter_id
       RETURNING ${WRITTEN_COLUMNS}
     )
     ${WRITTEN_WITH_COUNTS}`,
    [taken],
  );
  await client.query('DELETE FROM counter_log_appends WHERE appended_by = ANY ($1::xid8[])', [taken]);
  const foldedRows = Number(byKey.rows[0].folded_rows) + Number(byId.rows[0].folded_rows);
  // Counter rows are never deleted; if one were, its changes would vanish from every reader's view.
  const missing = Number(byId.rows[0].summed_counters) - byId.rows.filter((r) => r.id !== null).length;
  if (missing > 0) throw new Error(`counter log: ${missing} counters named by id have no row in indicator_counters`);
  const written = new Map<string, CounterColumnsSql>();
  for (const r of [...byKey.rows, ...byId.rows]) if (r.id !== null) written.set(r.id, r);
  if (written.size === 0) return { values: [], counterIds: [], foldedRows, more };
  // Every row written here got now(), the transaction's time, as its updated_at: read it once.
  const fold = await client.query<{ fold_id: string; folded_at: Date }>('INSERT INTO unannounced_counter_folds DEFAULT VALUES RETURNING fold_id, folded_at');
  const asOf = fold.rows[0].folded_at.toISOString();
  const values: CounterValue[] = [];
  const counterIds: number[] = [];
  for (const [id, r] of written) {
    values.push(toValue(r, asOf));
    counterIds.push(Number(id));
  }
  return { id: fold.rows[0].fold_id, values, counterIds, foldedRows, more };
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
 * Owns `indicator_counters` (one row per (indicator, measure, level, region, period, dims), numbered
 * by `id`) and the log of changes folded into it (`indicator_counter_log`, each change naming its
 * counter by id or by key; migrations 1764000000600 and 1764000000780).
 */
@Injectable()
export class IndicatorCountersRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /**
   * Appends a transaction's changes to the counter log with COPY, each naming its counter by id when
   * `counterIds` knows it, by its key columns otherwise: no row of indicator_counters is touched.
   * @returns how many were named by id
   */
  async append(client: PoolClient, changes: readonly SummedCounter[], counterIds: CounterIds): Promise<number> {
    if (changes.length === 0) return 0;
    let byId = 0;
    await copyRows(
      client,
      'indicator_counter_log',
      LOG_COLUMNS,
      lazyMap(changes, (c) => {
        const id = counterIds.idOf(c.cellKey, c.measure, c.period);
        if (id !== undefined) byId++;
        return id === undefined
          ? [null, c.indicator, c.level, c.region, c.dims, c.measure, c.period, c.delta]
          : [id, null, null, null, null, null, null, c.delta];
      }),
    );
    return byId;
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
