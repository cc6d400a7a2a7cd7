import { Pool } from 'pg';
import type { CanonicalEvent } from '@lib/contracts';
import { InMemoryCounters, InMemorySubjectStore } from '@lib/indicators';

/** indicator|measure|level|region|period|dims → value. */
export type Counters = Map<string, number>;

const keyOf = (r: { indicator: string; measure: string; level: string; region: string; period: string; dims: string }) =>
  [r.indicator, r.measure, r.level, r.region, r.period, r.dims].join('|');

/**
 * The reference every fault test ends with: the pure engine (the executable specification) fed the
 * events in arrival order, without any fault. Duplicates and redeliveries are part of the input on
 * purpose: the engine counts a version once, so the reference is what "exactly once" means.
 */
export function referenceCounters(arrival: readonly CanonicalEvent[], regionPrefix: string): Counters {
  const store = new InMemorySubjectStore();
  const counters = new InMemoryCounters();
  for (const event of arrival) counters.add(store.apply(event));
  return new Map(
    counters
      .all()
      .filter((r) => r.region.startsWith(regionPrefix) && r.value !== 0)
      .map((r) => [keyOf(r), r.value]),
  );
}

/** Non-zero counters the aggregator stored in PostgreSQL for regions under `regionPrefix`. */
export async function storedCounters(pool: Pool, regionPrefix: string): Promise<Counters> {
  const { rows } = await pool.query<{ indicator: string; measure: string; level: string; region: string; period: string; dims: string; value: string }>(
    'SELECT indicator, measure, level, region, period, dims, value FROM indicator_counter_values WHERE value <> 0 AND region LIKE $1',
    [`${regionPrefix}%`],
  );
  return new Map(rows.map((r) => [keyOf(r), Number(r.value)]));
}

/**
 * Where stored and reference differ. A counter above the reference is an event counted twice (or a
 * version that should have been superseded); below it, an event lost.
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
    lines.push(`${key}: stored ${s}, reference ${e}`);
  }
  return { doubled, lost, lines: lines.sort().slice(0, 20) };
}
