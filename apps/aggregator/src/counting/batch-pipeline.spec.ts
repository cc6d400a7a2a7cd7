/**
 * The batch pipeline (highest version per event → version changes → per-subject plan → counter
 * deltas) run on Maps in place of the tables, against the executable specification: feeding the
 * same versions one at a time through InMemorySubjectStore. Batches hold several versions of one
 * event, shared subjects, duplicates and late versions.
 */
import fc from 'fast-check';
import type { CanonicalEvent } from '@lib/contracts';
import { eventKey } from '@lib/contracts';
import { CompiledCatalogue, ContributionEngine, DECLARATIVE_ENGINE, InMemoryCounters, InMemorySubjectStore, SubjectKey } from '@lib/indicators';
import { amend, chronic, referral, vaccination, visit, voidOf } from '../../../../libs/indicators/src/testing/event-builders';
import { counterStorageKey } from '@lib/indicators';
import { highestPerEvent } from './highest-per-event';
import { planSubjectChanges } from './plan-subject-changes';
import { arrivalsOf, replacedSingleEventVersions, sharedSubjects, StoredVersion, versionChanges } from './version-changes';

/** The aggregator's tables as Maps. */
class MapTables {
  readonly versions = new Map<string, StoredVersion>();
  readonly members = new Map<SubjectKey, Map<string, CanonicalEvent>>();
  readonly counters = new Map<string, number>();
  /** event_ledger: every applied version, by event key and version. */
  readonly ledger = new Map<string, CanonicalEvent>();

  constructor(private readonly engine: ContributionEngine) {}

  applyBatch(batch: CanonicalEvent[]): void {
    const { highest } = highestPerEvent(batch);
    const { changes } = versionChanges(arrivalsOf(highest, this.engine), this.versions);
    const loaded = new Map(sharedSubjects(changes, this.engine).map((s) => [s, [...(this.members.get(s)?.values() ?? [])]]));
    const replaced = new Map(replacedSingleEventVersions(changes, this.engine).map((v) => [eventKey(v), this.ledger.get(`${eventKey(v)}@${v.version}`)!]));
    const plan = planSubjectChanges(changes, loaded, replaced, this.engine);
    for (const c of changes) {
      this.versions.set(c.key, { version: c.event.version, voided: c.event.voided, subjects: c.joining });
      this.ledger.set(`${c.key}@${c.event.version}`, c.event);
    }
    for (const r of plan.left) this.members.get(r.subject)?.delete(eventKey(r));
    for (const r of plan.joined) {
      const change = changes.find((c) => c.key === eventKey(r))!;
      const m = this.members.get(r.subject) ?? new Map<string, CanonicalEvent>();
      m.set(eventKey(r), change.event);
      this.members.set(r.subject, m);
    }
    for (const d of plan.counters.nonZero()) {
      const k = counterStorageKey(d);
      const v = (this.counters.get(k) ?? 0) + d.delta;
      if (v === 0) this.counters.delete(k);
      else this.counters.set(k, v);
    }
  }
}

function histories(): CanonicalEvent[] {
  const out: CanonicalEvent[] = [];
  let n = 0;
  for (const person of ['p1', 'p2']) {
    const reg = chronic({ eventId: `C${n++}`, inst: 'hanyinTownship', action: 'registration', person, at: '2024-01-05T09:00:00+08:00' });
    out.push(reg);
    for (let i = 0; i < 5; i++) {
      const f = chronic({
        eventId: `C${n++}`,
        inst: i % 2 ? 'hanbinTownship' : 'hanyinVillage',
        action: 'followup',
        person,
        controlled: i % 2 === 0,
        at: `2024-0${2 + i}-10T09:00:00+08:00`,
      });
      out.push(f, amend(f, { occurredAt: `2025-0${2 + i}-10T09:00:00+08:00` }));
    }
    const v = visit({ eventId: `V${n++}`, inst: 'ankangCity', person, residence: '610921', at: '2024-03-31T23:30:00+08:00' });
    out.push(v, amend(v, { occurredAt: '2024-04-01T00:30:00+08:00' }), voidOf(amend(v, {})));
    out.push(vaccination({ eventId: `X${n++}`, inst: 'hanyinTownship', person, birthDate: '2023-05-01', at: '2024-01-02T10:00:00+08:00' }));
  }
  const r = referral({
    eventId: 'R0',
    inst: 'hanyinTownship',
    action: 'initiated',
    referralId: 'R1',
    from: 'hanyinTownship',
    to: 'hanyinCounty',
    at: '2024-02-01T10:00:00+08:00',
  });
  out.push(
    r,
    referral({
      eventId: 'R1',
      inst: 'hanyinCounty',
      action: 'completed',
      referralId: 'R1',
      from: 'hanyinTownship',
      to: 'hanyinCounty',
      at: '2024-02-03T10:00:00+08:00',
    }),
  );
  return out;
}

describe.each([
  ['compiled', new CompiledCatalogue()],
  ['declarative', DECLARATIVE_ENGINE],
])('batch pipeline on Maps with the %s engine = InMemorySubjectStore one version at a time', (_name, engine) => {
  it('gives the same counters for any arrival order, duplicates and batch split', () => {
    const all = histories();
    fc.assert(
      fc.property(
        fc.shuffledSubarray([...all, ...all.slice(0, 6)], { minLength: all.length + 6, maxLength: all.length + 6 }),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 20 }),
        (arrival, sizes) => {
          const store = new InMemorySubjectStore();
          const reference = new InMemoryCounters();
          for (const e of arrival) reference.add(store.apply(e));

          const tables = new MapTables(engine);
          let i = 0;
          for (let b = 0; i < arrival.length; b++) {
            const size = sizes[b % sizes.length];
            tables.applyBatch(arrival.slice(i, i + size));
            i += size;
          }
          const expected = new Map(reference.all().map((r) => [counterStorageKey(r), r.value]));
          expect(new Map([...tables.counters].sort())).toEqual(new Map([...expected].sort()));
          expect(expected.size).toBeGreaterThan(50);
          // Single-event subjects have no membership rows; shared ones do.
          expect([...tables.members.keys()].filter((s) => s.startsWith('evt:'))).toEqual([]);
          expect([...tables.members.keys()].some((s) => s.startsWith('chronic:'))).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
});
