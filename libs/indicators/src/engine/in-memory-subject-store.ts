import { eventKey } from '@lib/contracts';
import type { CanonicalEvent } from '@lib/contracts';
import { CATALOGUE } from '../catalogue/catalogue';
import { counterStorageKey } from '../counter-key';
import { Contribution, IndicatorDefinition, SubjectKey } from '../indicator.types';
import { CounterRow } from '../read/counter-source';
import { contributionsOf, subjectsOf } from './contributions-of';
import { diffContributions, mergeContributions } from './contribution-math';
import { rollUpAll } from './roll-up';

/**
 * The aggregator's algorithm with Maps instead of PostgreSQL tables — the executable specification
 * the real store must match, and the harness of the property tests.
 *
 * State: `latest` (event key → highest version seen, voided ones kept as tombstones so an older
 * version arriving late cannot resurrect the event) and `members` (subject → its current events).
 */
export class InMemorySubjectStore {
  private readonly latest = new Map<string, CanonicalEvent>();
  private readonly members = new Map<SubjectKey, Map<string, CanonicalEvent>>();

  constructor(private readonly catalogue: readonly IndicatorDefinition[] = CATALOGUE) {}

  /** Applies one arriving event version; returns the base-level deltas to add to the counters. */
  apply(event: CanonicalEvent): Contribution[] {
    const key = eventKey(event);
    const previous = this.latest.get(key);
    if (previous && previous.version >= event.version) return []; // a retry or a stale version
    this.latest.set(key, event);

    // The version it replaces may have belonged to other subjects (an amended vaccine, person, date...).
    const leaving = previous ? subjectsOf(previous, this.catalogue) : [];
    const joining = subjectsOf(event, this.catalogue);
    const deltas: Contribution[] = [];
    for (const subject of new Set([...leaving, ...joining])) {
      const set = this.members.get(subject) ?? new Map<string, CanonicalEvent>();
      const before = contributionsOf(subject, [...set.values()], this.catalogue);
      if (joining.includes(subject)) set.set(key, event);
      else set.delete(key);
      const after = contributionsOf(subject, [...set.values()], this.catalogue);
      if (set.size > 0) this.members.set(subject, set);
      else this.members.delete(subject);
      deltas.push(...diffContributions(before, after));
    }
    return mergeContributions(deltas);
  }

  subjectEvents(subject: SubjectKey): CanonicalEvent[] {
    return [...(this.members.get(subject)?.values() ?? [])];
  }
}

/** Counters as the aggregator stores them: deltas rolled up to every level and summed per storage key. */
export class InMemoryCounters {
  private readonly rows = new Map<string, CounterRow>();

  add(deltas: readonly Contribution[]): void {
    for (const c of rollUpAll(deltas)) {
      const k = counterStorageKey(c);
      const row = this.rows.get(k) ?? {
        indicator: c.indicator,
        measure: c.measure,
        level: c.level,
        region: c.region,
        period: c.period,
        dims: c.dims,
        value: 0,
      };
      row.value += c.delta;
      if (row.value === 0) this.rows.delete(k);
      else this.rows.set(k, row);
    }
  }

  all(): CounterRow[] {
    return [...this.rows.values()];
  }
}
