import type { Pool } from 'pg';
import type { CanonicalEvent } from '@lib/contracts';
import { CounterRow, counterStorageKey, InMemoryCounters, InMemorySubjectStore } from '@lib/indicators';

/** Counter values by storage key (`counterStorageKey`); absent means 0. */
export type Counters = Map<string, number>;

/**
 * The reference: the executable specification (the pure engine) fed one version at a time, in arrival
 * order, without any fault. Duplicates and redeliveries are part of the input on purpose: the engine
 * counts a version once, so the reference is what "exactly once" means. Non-zero counters of the
 * regions starting with `regionPrefix`.
 */
export function referenceCounters(arrival: readonly CanonicalEvent[], regionPrefix: string): Counters {
  const store = new InMemorySubjectStore();
  const counters = new InMemoryCounters();
  for (const event of arrival) counters.add(store.apply(event));
  return new Map(
    counters
      .all()
      .filter((r) => r.region.startsWith(regionPrefix) && r.value !== 0)
      .map((r) => [counterStorageKey(r), r.value]),
  );
}

/** Non-zero counters the aggregator stored in PostgreSQL (table + un-folded log) for regions starting with `regionPrefix`. */
export async function storedCounters(pool: Pool, regionPrefix: string): Promise<Counters> {
  const { rows } = await pool.query<CounterRow & { value: string }>(
    'SELECT indicator, measure, level, region, period, dims, value FROM indicator_counter_values WHERE value <> 0 AND region LIKE $1',
    [`${regionPrefix}%`],
  );
  return new Map(rows.map((r) => [counterStorageKey(r), Number(r.value)]));
}

/**
 * Where stored and reference differ, as readable lines (at most 20, fields joined by `|`). A counter
 * above the reference is an event counted twice (or a version that should have been superseded);
 * below it, an event lost.
 */
export function compareCounters(stored: Counters, expected: Counters): { doubled: number; lost: number; lines: string[] } {
  let doubled = 0;
  let lost = 0;
  const lines: string[] = [];
  for (const key of new Set([...stored.keys(), ...expected.keys()])) {
    const s = stored.get(key) ?? 0;
    const e = expected.get(key) ?? 0;
    if (s === e) continue;
    if (s > e) doubled += 1;
    else lost += 1;
    lines.push(`${key.replaceAll('\u0000', '|')}: stored ${s}, reference ${e}`);
  }
  return { doubled, lost, lines: lines.sort().slice(0, 20) };
}

/** after − before per counter: the counters a test's own events changed, as rows (unchanged ones left out). */
export function counterChanges(before: readonly CounterRow[], after: readonly CounterRow[]): CounterRow[] {
  const old = new Map(before.map((r) => [counterStorageKey(r), r.value]));
  return after.map((r) => ({ ...r, value: r.value - (old.get(counterStorageKey(r)) ?? 0) })).filter((r) => r.value !== 0);
}
