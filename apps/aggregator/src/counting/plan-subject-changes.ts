import { eventKey, type CanonicalEvent } from '@lib/contracts';
import { ContributionEngine, SubjectKey } from '@lib/indicators';
import { CounterSums } from './counter-sums';
import { VersionChange } from './version-changes';

export interface MembershipRow {
  subject: SubjectKey;
  institutionId: string;
  eventId: string;
  version: number;
}

export interface SubjectChangesPlan {
  /** What the batch adds to every counter, at every level. */
  counters: CounterSums;
  /** Memberships to write (joined, or still joined with a newer version). */
  joined: MembershipRow[];
  /** Memberships to delete (subjects a replaced version belonged to and the new one does not). */
  left: Array<Omit<MembershipRow, 'version'>>;
}

/**
 * Rule 2 of libs/indicators/README.md for a whole batch at once: every affected subject is
 * recomputed once, before (its stored members) and after (members with all of the batch's changes),
 * and the difference is what the counters must gain. Doing it per subject rather than per event is
 * the same result — a subject's contributions are a pure function of its current events — and
 * costs one computation however many of the batch's events touch the subject. The difference is
 * taken by the sums (after added, before subtracted): rolling up and summing are linear, so this
 * is `diffContributions` without sorting and merging each subject's lists.
 *
 * A single-event subject (`evt:<institution>:<eventId>`) has one member, its event: its "before" is
 * the replaced version if that version joined it, its "after" the new version if it joins it. Such
 * subjects get no membership rows.
 *
 * @param members the stored members of every shared subject the changes touch (all present, locked)
 * @param replaced the payloads of `replacedSingleEventVersions(changes)`, by event key
 */
export function planSubjectChanges(
  changes: readonly VersionChange[],
  members: ReadonlyMap<SubjectKey, readonly CanonicalEvent[]>,
  replaced: ReadonlyMap<string, CanonicalEvent>,
  engine: ContributionEngine,
): SubjectChangesPlan {
  const counters = new CounterSums();
  const bySubject = new Map<SubjectKey, VersionChange[]>();
  for (const change of changes) {
    for (const s of change.leaving) {
      if (!engine.isSingleEventSubject(s)) continue;
      const before = replaced.get(change.key);
      if (!before) throw new Error(`version ${change.replaces} of ${change.key} left ${s} but its payload was not loaded`);
      engine.sumContributionsOf(s, [before], counters.negated);
    }
    for (const s of change.joining) if (engine.isSingleEventSubject(s)) engine.sumContributionsOf(s, [change.event], counters);
    for (const s of change.leaving) noteTouched(bySubject, s, change, engine);
    for (const s of change.joining) if (!change.leaving.includes(s)) noteTouched(bySubject, s, change, engine);
  }

  for (const [subject, touching] of bySubject) {
    const current = new Map((members.get(subject) ?? []).map((e) => [eventKey(e), e]));
    // A new subject (a person's first vaccination of a dose) has nothing to take away.
    if (current.size > 0) engine.sumContributionsOf(subject, [...current.values()], counters.negated);
    for (const change of touching) {
      if (change.joining.includes(subject)) current.set(change.key, change.event);
      else current.delete(change.key);
    }
    engine.sumContributionsOf(subject, [...current.values()], counters);
  }

  const joined: MembershipRow[] = [];
  const left: SubjectChangesPlan['left'] = [];
  for (const { event, leaving, joining } of changes) {
    const id = { institutionId: event.institutionId, eventId: event.eventId };
    for (const subject of joining) if (!engine.isSingleEventSubject(subject)) joined.push({ subject, ...id, version: event.version });
    for (const subject of leaving) if (!engine.isSingleEventSubject(subject) && !joining.includes(subject)) left.push({ subject, ...id });
  }
  return { counters, joined, left };
}

/** Notes that `change` touches the shared subject `s` (each change once per subject). */
function noteTouched(bySubject: Map<SubjectKey, VersionChange[]>, s: SubjectKey, change: VersionChange, engine: ContributionEngine): void {
  if (engine.isSingleEventSubject(s)) return;
  const list = bySubject.get(s);
  if (list) list.push(change);
  else bySubject.set(s, [change]);
}
