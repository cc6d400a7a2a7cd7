import type { CanonicalEvent } from '@lib/contracts';
import { eventKey } from '@lib/contracts';
import { ContributionEngine, counterStorageKey, SubjectKey } from '@lib/indicators';
import { highestPerEvent } from '../../../apps/aggregator/src/counting/highest-per-event';
import { planSubjectChanges } from '../../../apps/aggregator/src/counting/plan-subject-changes';
import { arrivalsOf, replacedSingleEventVersions, sharedSubjects, StoredVersion, versionChanges } from '../../../apps/aggregator/src/counting/version-changes';

export interface CountingPipelineResult {
  microsecondsPerEvent: number;
  /** Counter rows written per event (non-zero sums per transaction, summed over transactions). */
  rowsPerEvent: number;
  /** The final counters, to compare engines. */
  counters: Map<string, number>;
}

/**
 * The aggregator's counting steps alone, with Maps in place of the tables (no I/O): decode, highest
 * version per event, version changes, per-subject before/after with `engine`, roll-up and sums, in
 * transactions of `perTransaction` messages. Members (and the replaced versions of single-event
 * subjects) are decoded again for every transaction, as the aggregator reads them from PostgreSQL. What the engine costs, apart from PostgreSQL and Kafka.
 */
export function countingPipeline(messages: readonly string[], engine: ContributionEngine, perTransaction = 2500): CountingPipelineResult {
  const versions = new Map<string, StoredVersion>();
  const members = new Map<SubjectKey, Map<string, string>>();
  /** The latest version of each event as its message (event_ledger at event_versions.version). */
  const latest = new Map<string, string>();
  const counters = new Map<string, number>();
  let rows = 0;
  const started = process.hrtime.bigint();
  for (let i = 0; i < messages.length; i += perTransaction) {
    const batch = messages.slice(i, i + perTransaction).map((m) => JSON.parse(m) as CanonicalEvent);
    const { changes } = versionChanges(arrivalsOf(highestPerEvent(batch).highest, engine), versions);
    const loaded = new Map(sharedSubjects(changes, engine).map((s) => [s, [...(members.get(s)?.values() ?? [])].map((m) => JSON.parse(m) as CanonicalEvent)]));
    const replaced = new Map(
      replacedSingleEventVersions(changes, engine).map((v) => {
        const key = eventKey(v);
        return [key, JSON.parse(latest.get(key) as string) as CanonicalEvent];
      }),
    );
    const plan = planSubjectChanges(changes, loaded, replaced, engine);
    for (const c of changes) {
      versions.set(c.key, { version: c.event.version, voided: c.event.voided === true, subjects: c.joining });
      const message = JSON.stringify(c.event);
      latest.set(c.key, message);
      for (const s of c.leaving) if (!engine.isSingleEventSubject(s)) members.get(s)?.delete(c.key);
      for (const s of c.joining) if (!engine.isSingleEventSubject(s)) members.set(s, (members.get(s) ?? new Map<string, string>()).set(c.key, message));
    }
    for (const d of plan.counters.nonZero()) {
      rows += 1;
      const key = counterStorageKey(d);
      counters.set(key, (counters.get(key) ?? 0) + d.delta);
    }
  }
  const microseconds = Number(process.hrtime.bigint() - started) / 1000;
  for (const [key, value] of counters) if (value === 0) counters.delete(key);
  return { microsecondsPerEvent: microseconds / messages.length, rowsPerEvent: rows / messages.length, counters };
}

/** Keys whose values differ between two counter maps (missing = 0). */
export function differingCounters(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): string[] {
  const keys = new Set([...a.keys(), ...b.keys()]);
  return [...keys].filter((k) => (a.get(k) ?? 0) !== (b.get(k) ?? 0));
}
