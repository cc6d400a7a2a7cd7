import { instantMs } from '@lib/periods';
import { eventKey } from '@lib/contracts';
import type { CanonicalEvent } from '@lib/contracts';

/**
 * The current state of a set of event versions: the highest version of each event, dropped when that
 * version is voided. Equal versions are retries of the same event and the first one seen is kept.
 */
export function currentVersions(events: readonly CanonicalEvent[]): CanonicalEvent[] {
  const latest = new Map<string, CanonicalEvent>();
  for (const e of events) {
    const k = eventKey(e);
    const seen = latest.get(k);
    if (!seen || e.version > seen.version) latest.set(k, e);
  }
  return [...latest.values()].filter((e) => !e.voided);
}

/** Chronological order (by occurredAt instant, then event key) so "first" and "last" never depend on arrival order. */
export function byOccurrence(a: CanonicalEvent, b: CanonicalEvent): number {
  const d = instantMs(a.occurredAt) - instantMs(b.occurredAt);
  if (d !== 0) return d;
  const ka = eventKey(a);
  const kb = eventKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
