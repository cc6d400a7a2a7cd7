import type { IndicatorDefinition, SubjectKey } from '../indicator.types';

/** Where an event's key sits among the `:`-separated parts of a single-event subject (the prefix is part 0). */
interface EventKeyParts {
  institution: number;
  event: number;
}

const partsByCatalogue = new WeakMap<readonly IndicatorDefinition[], ReadonlyMap<string, EventKeyParts>>();

/**
 * The subject prefixes identified by the event's own key alone (facts `institutionId` and `eventId`,
 * e.g. `evt:<institution>:<eventId>`): such a subject has exactly one member, the event itself,
 * across all its versions. The aggregator keeps no membership rows for them (apps/aggregator/README.md).
 */
export function singleEventPrefixes(catalogue: readonly IndicatorDefinition[]): ReadonlyMap<string, EventKeyParts> {
  let parts = partsByCatalogue.get(catalogue);
  if (!parts) {
    const found = new Map<string, EventKeyParts>();
    for (const { subject } of catalogue.map((def) => def.counting)) {
      const institution = subject.by.indexOf('institutionId');
      const event = subject.by.indexOf('eventId');
      if (subject.by.length === 2 && institution >= 0 && event >= 0) found.set(subject.prefix, { institution: institution + 1, event: event + 1 });
    }
    partsByCatalogue.set(catalogue, (parts = found));
  }
  return parts;
}

export function isSingleEventSubject(subject: SubjectKey, catalogue: readonly IndicatorDefinition[]): boolean {
  return singleEventPrefixes(catalogue).has(subject.slice(0, subject.indexOf(':')));
}

/** The event a single-event subject is (the inverse of `subjectKeyPart` on its key parts), or null for any other subject. */
export function eventOfSubject(subject: SubjectKey, catalogue: readonly IndicatorDefinition[]): { institutionId: string; eventId: string } | null {
  const parts = subject.split(':');
  const at = singleEventPrefixes(catalogue).get(parts[0]);
  if (!at || parts[at.institution] === undefined || parts[at.event] === undefined) return null;
  return { institutionId: unescapePart(parts[at.institution]), eventId: unescapePart(parts[at.event]) };
}

function unescapePart(part: string): string {
  return part.replace(/%(25|3A)/g, (_, code: string) => (code === '25' ? '%' : ':'));
}
