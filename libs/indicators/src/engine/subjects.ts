import type { CanonicalEvent } from '../../../contracts/src/event.types';
import { IndicatorDefinition, SubjectKey } from '../indicator.types';
import { EventFacts } from './event-facts';
import { matchesFilter } from './filter';

/** Escapes the separator so `ref:a:b` cannot be both (from `a`, referral `b`) and something else. */
function part(value: unknown): string {
  return String(value).replace(/%/g, '%25').replace(/:/g, '%3A');
}

/** The subject an event belongs to for one indicator, or null if the event does not feed it. */
export function subjectKeyFor(def: IndicatorDefinition, facts: EventFacts): SubjectKey | null {
  if (!matchesFilter(facts, def.counting.source)) return null;
  const values = def.counting.subject.by.map((fact) => facts[fact]);
  if (values.some((v) => v === undefined || v === '')) return null;
  return [def.counting.subject.prefix, ...values.map(part)].join(':');
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
