import type { CanonicalEvent } from '@lib/contracts';
import { CATALOGUE } from '../catalogue/catalogue';
import { Contribution, IndicatorDefinition, SubjectKey } from '../indicator.types';
import { mergeContributions } from './contribution-math';
import { byOccurrence, currentVersions } from './current-versions';
import { eventFacts, EventFacts } from './event-facts';
import { activeIntervalRule } from './rules/active-interval.rule';
import { distinctPerPeriodRule } from './rules/distinct-per-period.rule';
import { eachEventRule } from './rules/each-event.rule';
import { firstEverRule } from './rules/first-ever.rule';
import { oncePerSubjectRule } from './rules/once-per-subject.rule';
import { registeredWithFollowupsRule } from './rules/registered-with-followups.rule';
import { place, PlacedEvent } from './rules/rule-context';
import { definitionsForSubject, subjectKeyFor, subjectsOfWith } from './subjects';

type Def<K> = IndicatorDefinition & { counting: { kind: K } };

function countFor(def: IndicatorDefinition, events: PlacedEvent[]): Contribution[] {
  switch (def.counting.kind) {
    case 'each_event':
      return eachEventRule(def as Def<'each_event'>, events);
    case 'distinct_per_period':
      return distinctPerPeriodRule(def as Def<'distinct_per_period'>, events);
    case 'first_ever':
      return firstEverRule(def as Def<'first_ever'>, events);
    case 'active_interval':
      return activeIntervalRule(def as Def<'active_interval'>, events);
    case 'registered_with_followups':
      return registeredWithFollowupsRule(def as Def<'registered_with_followups'>, events);
    case 'once_per_subject':
      return oncePerSubjectRule(def as Def<'once_per_subject'>, events);
  }
}

/** Which subjects an event version belongs to (see `subjects.ts`). */
export function subjectsOf(event: CanonicalEvent, catalogue: readonly IndicatorDefinition[] = CATALOGUE): SubjectKey[] {
  return subjectsOfWith(event, eventFacts(event), catalogue);
}

/**
 * Every counter contribution of one subject, as a pure function of its events. Pass the subject's
 * current events (latest non-voided version of each); stale versions and voids are filtered here too,
 * so passing every version ever seen gives the same answer. Base-level regions only: see `rollUp`.
 */
export function contributionsOf(subject: SubjectKey, events: readonly CanonicalEvent[], catalogue: readonly IndicatorDefinition[] = CATALOGUE): Contribution[] {
  const current = currentVersions(events).sort(byOccurrence);
  const facts = new Map<CanonicalEvent, EventFacts>(current.map((e) => [e, eventFacts(e)]));
  const out: Contribution[] = [];
  for (const def of definitionsForSubject(subject, catalogue)) {
    const mine = current.filter((e) => subjectKeyFor(def, facts.get(e)!) === subject).map((e) => place(def, e, facts.get(e)!));
    if (mine.length > 0) out.push(...countFor(def, mine));
  }
  return mergeContributions(out);
}
