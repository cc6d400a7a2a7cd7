import { eventKey, type CanonicalEvent } from '@lib/contracts';
import { ContributionEngine, SubjectKey } from '@lib/indicators';

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
  /** The stored version it replaces (its payload is in event_ledger), or null for the event's first. */
  replaces: number | null;
  leaving: SubjectKey[];
  joining: SubjectKey[];
}

/** An arriving version with the subjects it joins (none when voided). */
export interface Arrival {
  event: CanonicalEvent;
  joining: SubjectKey[];
}

/** The arriving versions with their subjects, computed once for the staging of rule 1 and its comparison. */
export function arrivalsOf(events: readonly CanonicalEvent[], engine: ContributionEngine): Arrival[] {
  return events.map((event) => ({ event, joining: engine.subjectsOf(event) }));
}

/**
 * Rule 1 and the first half of rule 2 of libs/indicators/README.md: a version not above the stored
 * one is a retry or arrived late (stale) and changes nothing; a newer one leaves the subjects of the
 * version it replaces and joins its own.
 */
export function versionChanges(arrivals: readonly Arrival[], stored: ReadonlyMap<string, StoredVersion>): { changes: VersionChange[]; stale: number } {
  const changes: VersionChange[] = [];
  let stale = 0;
  for (const { event, joining } of arrivals) {
    const key = eventKey(event);
    const previous = stored.get(key);
    if (previous && previous.version >= event.version) {
      stale += 1;
      continue;
    }
    changes.push({ key, event, replaces: previous?.version ?? null, leaving: previous?.subjects ?? [], joining });
  }
  return { changes, stale };
}

/**
 * Every subject shared by events (a person's, a referral's) whose counters the changes can move: left
 * or joined. These are locked and their members read; single-event subjects are neither.
 */
export function sharedSubjects(changes: readonly VersionChange[], engine: ContributionEngine): SubjectKey[] {
  const subjects = new Set<SubjectKey>();
  for (const c of changes) {
    for (const s of c.leaving) if (!engine.isSingleEventSubject(s)) subjects.add(s);
    for (const s of c.joining) if (!engine.isSingleEventSubject(s)) subjects.add(s);
  }
  return [...subjects].sort();
}

/**
 * The stored versions whose payload is a single-event subject's "before": those of the changes that
 * leave such a subject (the stored version joined it). A first version replaces nothing.
 */
export function replacedSingleEventVersions(
  changes: readonly VersionChange[],
  engine: ContributionEngine,
): Array<{ institutionId: string; eventId: string; version: number }> {
  const replaced: Array<{ institutionId: string; eventId: string; version: number }> = [];
  for (const { event, replaces, leaving } of changes) {
    if (replaces !== null && leaving.some((s) => engine.isSingleEventSubject(s))) {
      replaced.push({ institutionId: event.institutionId, eventId: event.eventId, version: replaces });
    }
  }
  return replaced;
}
