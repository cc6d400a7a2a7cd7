import type { CanonicalEvent } from '@lib/contracts';
import { contributionsOf, subjectsOf, SubjectKey } from '@lib/indicators';
import type { CounterDelta } from '../counting/counter-delta';
import { CounterSums } from '../counting/counter-sums';

/**
 * Every counter from scratch, from the latest version of every event (voided ones included: they
 * simply belong to no subject), with the same pure engine as the live path but none of its state:
 * group the events by subject, compute each subject's contributions once, roll up, sum per key.
 * What the live counters must equal (zero rows aside).
 */
export class CounterRecomputation {
  private readonly members = new Map<SubjectKey, CanonicalEvent[]>();
  events = 0;

  add(event: CanonicalEvent): void {
    this.events += 1;
    for (const subject of subjectsOf(event)) {
      const list = this.members.get(subject);
      if (list) list.push(event);
      else this.members.set(subject, [event]);
    }
  }

  counters(): CounterDelta[] {
    const sums = new CounterSums();
    for (const [subject, events] of this.members) for (const c of contributionsOf(subject, events)) sums.add(c);
    return sums.nonZero();
  }
}
