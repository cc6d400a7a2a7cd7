import { eventKey } from '@lib/contracts';

/**
 * Of a batch's new versions, the highest of each event. The lower ones of the same event are
 * superseded inside the batch: applying them one by one would end in the same state, because a
 * subject's counters depend only on its current events.
 */
export function highestPerEvent<T extends { institutionId: string; eventId: string; version: number }>(
  versions: readonly T[],
): { highest: T[]; superseded: number } {
  const byEvent = new Map<string, T>();
  for (const v of versions) {
    const key = eventKey(v);
    const seen = byEvent.get(key);
    if (!seen || v.version > seen.version) byEvent.set(key, v);
  }
  return { highest: [...byEvent.values()], superseded: versions.length - byEvent.size };
}
