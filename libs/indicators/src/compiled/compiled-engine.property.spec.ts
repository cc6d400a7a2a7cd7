/**
 * Differential property: the compiled catalogue gives exactly the declarative engine's subjects and
 * (summed) contributions for every subject of random histories — amendments that move events
 * between periods, persons and subjects, voids, retries, late versions — and for the simulator's
 * realistic feed. The declarative engine is the reference; this test is what lets the aggregator
 * run the compiled one.
 */
import fc from 'fast-check';
import type { CanonicalEvent } from '@lib/contracts';
import { CATALOGUE } from '../catalogue/catalogue';
import { mergeContributions } from '../engine/contribution-math';
import { contributionsOf, subjectsOf } from '../engine/contributions-of';
import { histories } from '../testing/event-histories';
import { CompiledCatalogue } from './compiled-catalogue';

const compiled = new CompiledCatalogue(CATALOGUE);

/** Every subject the versions join, with every version sent (the engines keep the latest, drop voids). */
function subjectsWithEvents(versions: readonly CanonicalEvent[]): Map<string, CanonicalEvent[]> {
  const bySubject = new Map<string, CanonicalEvent[]>();
  for (const e of versions) {
    for (const s of subjectsOf(e)) bySubject.set(s, [...(bySubject.get(s) ?? []), e]);
  }
  return bySubject;
}

function expectSameEngines(versions: readonly CanonicalEvent[]): number {
  for (const e of versions) expect(compiled.subjectsOf(e)).toEqual(subjectsOf(e));
  let contributions = 0;
  for (const [subject, events] of subjectsWithEvents(versions)) {
    // Every prefix of the subject's arrivals: the states the aggregator computes before and after.
    for (let n = 1; n <= events.length; n++) {
      const reference = contributionsOf(subject, events.slice(0, n));
      expect(mergeContributions(compiled.contributionsOf(subject, events.slice(0, n)))).toStrictEqual(reference);
      contributions += reference.length;
    }
  }
  return contributions;
}

describe('compiled catalogue = declarative engine', () => {
  it('on random histories of every event family', () => {
    let compared = 0;
    fc.assert(
      fc.property(histories(['visit', 'referral', 'vaccination', 'screening', 'family_doctor', 'chronic', 'disease_report']), ({ arrival }) => {
        compared += expectSameEngines(arrival);
      }),
      { numRuns: 200 },
    );
    expect(compared).toBeGreaterThan(10_000);
  });

  it('on dense chronic and family-doctor histories (many events per subject)', () => {
    fc.assert(
      fc.property(histories(['chronic', 'family_doctor'], true, 20), ({ arrival }) => {
        expectSameEngines(arrival);
      }),
      { numRuns: 60 },
    );
  });
});
