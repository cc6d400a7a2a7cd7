import type { CanonicalEvent } from '@lib/contracts';
import { ContributionEngine, eventKey, SubjectKey } from '@lib/indicators';

/** What is stored about an event's latest version (event_versions). */
export interface StoredVersion {
  version: number;
  voided: boolean;
  /** The subjects that version joined (none when voided). */
  subjects: SubjectKey[];
}

/** An arriving version that replaces the stored one: it leaves some subjects and joins others. */
export interface VersionChange {
  key: string;
  event: CanonicalEvent;
  leaving: SubjectKey[];
  joining: SubjectKey[];
}

/**
 * Rule 1 and the first half of rule 2 of libs/indicators/README.md: a version not above the stored
 * one is a retry or arrived late (stale) and changes nothing; a newer one leaves the subjects of the
 * version it replaces and joins its own (a voided version joins none).
 */
export function versionChanges(
  arrivals: readonly CanonicalEvent[],
  stored: ReadonlyMap<string, StoredVersion>,
  engine: ContributionEngine,
): { changes: VersionChange[]; stale: number } {
  const changes: VersionChange[] = [];
  let stale = 0;
  for (const event of arrivals) {
    const key = eventKey(event);
    const previous = stored.get(key);
    if (previous && previous.version >= event.version) {
      stale += 1;
      continue;
    }
    changes.push({ key, event, leaving: previous?.subjects ?? [], joining: engine.subjectsOf(event) });
  }
  return { changes, stale };
}

/** Every subject whose counters the changes can move: left or joined. */
export function affectedSubjects(changes: readonly VersionChange[]): SubjectKey[] {
  const subjects = new Set<SubjectKey>();
  for (const c of changes) {
    for (const s of c.leaving) subjects.add(s);
    for (const s of c.joining) subjects.add(s);
  }
  return [...subjects].sort();
}
