import type { Client } from 'pg';
import type { CanonicalEvent } from '@lib/contracts';
import type { CounterDelta, CounterKey, CounterValue } from '../counting/counter-delta';

export interface CounterDifference extends CounterKey {
  /** The stored value (null: no row, or 0). */
  live: number | null;
  /** The recomputed value (null: the counter should be 0). */
  rebuilt: number | null;
}

const CHUNK = 5000;

/**
 * The SQL of the rebuild and drift check (tools/rebuild.ts). Everything runs in one REPEATABLE READ
 * transaction: the aggregator commits ledger and counters together, so one snapshot sees a ledger and
 * counters that belong together, even while it runs. With `lockCounters` the counters are also
 * locked against the aggregator (it waits) so that differences can be applied to that same snapshot.
 */
export class CounterRebuildStore {
  constructor(private readonly client: Client) {}

  async begin(lockCounters: boolean): Promise<void> {
    await this.client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
    // Before any read: the snapshot is taken by the first query after the lock is granted.
    if (lockCounters) await this.client.query('LOCK TABLE indicator_counters IN SHARE ROW EXCLUSIVE MODE');
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
       FULL JOIN (SELECT * FROM indicator_counters WHERE value <> 0) c USING (indicator, level, region, dims, measure, period)
       WHERE r.value IS DISTINCT FROM c.value
       ORDER BY indicator, level, region, dims, measure, period`,
    );
    return rows.map((r) => ({ ...r, live: r.live === null ? null : Number(r.live), rebuilt: r.rebuilt === null ? null : Number(r.rebuilt) }));
  }

  /** Sets every differing counter to its recomputed value (0 when it has none); returns the new values for the cache. */
  async applyDifferences(): Promise<CounterValue[]> {
    const { rows } = await this.client.query<CounterKey & { value: string; revision: string; updated_at: Date }>(
      `WITH diff AS (
         SELECT indicator, level, region, dims, measure, period, coalesce(r.value, 0) AS value
         FROM rebuilt_counters r
         FULL JOIN (SELECT * FROM indicator_counters WHERE value <> 0) c USING (indicator, level, region, dims, measure, period)
         WHERE r.value IS DISTINCT FROM c.value)
       INSERT INTO indicator_counters AS c (indicator, level, region, dims, measure, period, value)
       SELECT * FROM diff ORDER BY indicator, level, region, dims, measure, period
       ON CONFLICT (indicator, level, region, dims, measure, period) DO UPDATE SET
         value = EXCLUDED.value, revision = c.revision + 1, updated_at = now()
       RETURNING indicator, level, region, dims, measure, period, value, revision, updated_at`,
    );
    return rows.map((r) => ({ ...r, value: Number(r.value), revision: Number(r.revision), asOf: r.updated_at.toISOString() }));
  }

  async liveCount(): Promise<number> {
    const { rows } = await this.client.query<{ n: string }>('SELECT count(*) AS n FROM indicator_counters WHERE value <> 0');
    return Number(rows[0].n);
  }
}
