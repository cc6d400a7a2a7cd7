import type { Client } from 'pg';
import type { CanonicalEvent } from '@lib/contracts';
import type { CounterKey } from '@lib/indicators';
import type { CounterDelta, CounterValue } from '../counting/counter-delta';
import { foldCounterLog, lockCounterFolds } from '../counter-log/indicator-counters.repository';

export interface CounterDifference extends CounterKey {
  /** The stored value (null: no row, or 0). */
  live: number | null;
  /** The recomputed value (null: the counter should be 0). */
  rebuilt: number | null;
}

const CHUNK = 5000;

/**
 * The SQL of the rebuild and drift check (tools/rebuild.ts). Everything runs in one REPEATABLE READ
 * transaction: the aggregator commits ledger and counter log together, so one snapshot sees a ledger
 * and counter values (indicator_counter_values) that belong together, even while it runs. With
 * `lockCounters` the counters, their log and folds are also locked against the aggregator (it waits)
 * so that differences can be applied to that same snapshot.
 */
export class CounterRebuildStore {
  constructor(private readonly client: Client) {}

  async begin(lockCounters: boolean): Promise<void> {
    await this.client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
    // Before any read: the snapshot is taken by the first query after the locks are granted. The fold
    // lock first, as folds take it before touching the tables (one order, no deadlock).
    if (lockCounters) {
      await lockCounterFolds(this.client);
      await this.client.query('LOCK TABLE indicator_counters, indicator_counter_log IN SHARE ROW EXCLUSIVE MODE');
    }
  }

  async commit(): Promise<void> {
    await this.client.query('COMMIT');
  }

  async rollback(): Promise<void> {
    await this.client.query('ROLLBACK');
  }

  /** The latest version of every event in the ledger, a chunk at a time (server-side cursor). */
  async *latestVersions(): AsyncGenerator<CanonicalEvent[]> {
    await this.client.query(
      `DECLARE latest_versions NO SCROLL CURSOR FOR
       SELECT DISTINCT ON (institution_id, event_id) payload FROM event_ledger
       ORDER BY institution_id, event_id, version DESC`,
    );
    for (;;) {
      const { rows } = await this.client.query<{ payload: CanonicalEvent }>(`FETCH ${CHUNK} FROM latest_versions`);
      if (rows.length === 0) break;
      yield rows.map((r) => r.payload);
    }
    await this.client.query('CLOSE latest_versions');
  }

  async storeRebuilt(counters: readonly CounterDelta[]): Promise<void> {
    await this.client.query(
      `CREATE TEMP TABLE rebuilt_counters (
         indicator text, level text, region text, dims text, measure text, period text, value bigint,
         PRIMARY KEY (indicator, level, region, dims, measure, period)) ON COMMIT DROP`,
    );
    for (let i = 0; i < counters.length; i += CHUNK) {
      const chunk = counters.slice(i, i + CHUNK);
      await this.client.query(
        `INSERT INTO rebuilt_counters SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[])`,
        [
          chunk.map((c) => c.indicator),
          chunk.map((c) => c.level),
          chunk.map((c) => c.region),
          chunk.map((c) => c.dims),
          chunk.map((c) => c.measure),
          chunk.map((c) => c.period),
          chunk.map((c) => String(c.delta)),
        ],
      );
    }
    await this.client.query('ANALYZE rebuilt_counters');
  }

  /** Counters whose stored value differs from the recomputed one (a stored 0 equals a missing row). */
  async differences(): Promise<CounterDifference[]> {
    const { rows } = await this.client.query<CounterKey & { live: string | null; rebuilt: string | null }>(
      `SELECT indicator, level, region, dims, measure, period, c.value AS live, r.value AS rebuilt
       FROM rebuilt_counters r
       FULL JOIN (SELECT * FROM indicator_counter_values WHERE value <> 0) c USING (indicator, level, region, dims, measure, period)
       WHERE r.value IS DISTINCT FROM c.value
       ORDER BY indicator, level, region, dims, measure, period`,
    );
    return rows.map((r) => ({ ...r, live: r.live === null ? null : Number(r.live), rebuilt: r.rebuilt === null ? null : Number(r.rebuilt) }));
  }

  /**
   * Brings every differing counter to its recomputed value (0 when it has none): the corrections go
   * into the counter log, which is then folded; returns the folded counters' new values for the cache.
   */
  async applyDifferences(): Promise<CounterValue[]> {
    await this.client.query(
      `INSERT INTO indicator_counter_log (indicator, level, region, dims, measure, period, delta)
       SELECT indicator, level, region, dims, measure, period, coalesce(r.value, 0) - coalesce(c.value, 0)
       FROM rebuilt_counters r
       FULL JOIN (SELECT * FROM indicator_counter_values WHERE value <> 0) c USING (indicator, level, region, dims, measure, period)
       WHERE r.value IS DISTINCT FROM c.value`,
    );
    // The fold stays unannounced: a running aggregator also puts the new values on the change feed.
    return (await foldCounterLog(this.client)).values;
  }

  async liveCount(): Promise<number> {
    const { rows } = await this.client.query<{ n: string }>('SELECT count(*) AS n FROM indicator_counter_values WHERE value <> 0');
    return Number(rows[0].n);
  }
}
