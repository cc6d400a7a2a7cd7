import type { CanonicalEvent } from '@lib/contracts';
import { IndicatorDefinition, SubjectKey } from '../indicator.types';
import { EventFacts } from './event-facts';
import { matchesFilter } from './filter';

/** Escapes the separator so `ref:a:b` cannot be both (from `a`, referral `b`) and something else. */
export function subjectKeyPart(value: unknown): string {
  return String(value).replace(/%/g, '%25').replace(/:/g, '%3A');
}

/** The subject an event belongs to for one indicator, or null if the event does not feed it. */
export function subjectKeyFor(def: IndicatorDefinition, facts: EventFacts): SubjectKey | null {
  if (!matchesFilter(facts, def.counting.source)) return null;
  const values = def.counting.subject.by.map((fact) => facts[fact]);
  if (values.some((v) => v === undefined || v === '')) return null;
  return [def.counting.subject.prefix, ...values.map(subjectKeyPart)].join(':');
}

/**
 * Where the person sits in the subjects that are keyed by one: subject prefix → the 1-based position
 * of the person among the `:`-separated parts of the key (the prefix is part 1).
 */
export function personPartsOfSubjects(catalogue: readonly IndicatorDefinition[]): Map<string, number> {
  const parts = new Map<string, number>();
  for (const { subject } of catalogue.map((def) => def.counting)) {
    const at = subject.by.indexOf('person');
    if (at >= 0) parts.set(subject.prefix, at + 2);
  }
  return parts;
}

const definitionsByPrefix = new WeakMap<readonly IndicatorDefinition[], Map<string, IndicatorDefinition[]>>();

/**
 * The definitions whose subjects can be `subject` (those sharing its prefix), in catalogue order:
 * computing a subject's contributions then asks a handful of definitions, not the whole catalogue.
 */
export function definitionsForSubject(subject: SubjectKey, catalogue: readonly IndicatorDefinition[]): readonly IndicatorDefinition[] {
  let index = definitionsByPrefix.get(catalogue);
  if (!index) {
    index = new Map();
    for (const def of catalogue) {
      const list = index.get(def.counting.subject.prefix);
      if (list) list.push(def);
      else index.set(def.counting.subject.prefix, [def]);
    }
    definitionsByPrefix.set(catalogue, index);
  }
  return index.get(subject.slice(0, subject.indexOf(':'))) ?? [];
}

/**
 * The subjects whose counters an event version can change: e.g. a visit is its own subject
 * `evt:<institution>:<eventId>`, a follow-up belongs to `chronic:<person>:<condition>`.
 * A voided version belongs to no subject (it only leaves the subjects of the version it replaces).
 */
export function subjectsOfWith(event: CanonicalEvent, facts: EventFacts, catalogue: readonly IndicatorDefinition[]): SubjectKey[] {
  if (event.voided) return [];
  const keys = new Set<SubjectKey>();
  for (const def of catalogue) {
    const key = subjectKeyFor(def, facts);
    if (key) keys.add(key);
  }
  return [...keys].sort();
}
