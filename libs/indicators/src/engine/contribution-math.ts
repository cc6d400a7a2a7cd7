import { counterStorageKey } from '../counter-key';
import { Contribution } from '../indicator.types';

/** Merge key: the counter key plus the institution's county. */
export function contributionKey(c: Contribution): string {
  return `${counterStorageKey(c)}\u0000${c.county ?? ''}`;
}

/** Sums contributions with the same key and drops those that cancel out, in a stable order (by key). */
export function mergeContributions(list: readonly Contribution[]): Contribution[] {
  const merged = new Map<string, Contribution>();
  for (const c of list) {
    const k = contributionKey(c);
    const seen = merged.get(k);
    if (seen) seen.delta += c.delta;
    else merged.set(k, { ...c });
  }
  // Keys computed once (the Map holds them), not twice per comparison.
  return [...merged]
    .filter(([, c]) => c.delta !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, c]) => c);
}

/**
 * What must be added to the counters when a subject's contributions change from `before` to `after`
 * (after − before). Because contributions are a pure function of the subject's current events,
 * amendments, voids, duplicates and out-of-order arrival are correct by construction.
 */
export function diffContributions(before: readonly Contribution[], after: readonly Contribution[]): Contribution[] {
  return mergeContributions([...after, ...before.map((c) => ({ ...c, delta: -c.delta }))]);
}
