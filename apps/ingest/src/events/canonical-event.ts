import type { AcceptedEvent, CanonicalEvent, Person } from '@lib/contracts';
import type { Pseudonymiser } from '../privacy/pseudonymiser';

/**
 * Turns a validated event into what the canonical topic carries: the clear person identifier is
 * replaced by its keyed pseudonym (the only place it is read), registry facts are attached.
 */
export function toCanonicalEvent(accepted: AcceptedEvent, pseudonymiser: Pseudonymiser, receivedAt: Date): CanonicalEvent {
  const { event, institution, referralParties } = accepted;
  const canonical = {
    ...event,
    institution,
    ...(referralParties ? { referralParties } : {}),
    receivedAt: receivedAt.toISOString(),
  } as CanonicalEvent;
  if (event.person) canonical.person = pseudonymisedPerson(event.person, pseudonymiser);
  return canonical;
}

function pseudonymisedPerson(person: Person, pseudonymiser: Pseudonymiser): Person {
  const idType = person.idType ?? 'resident_id';
  return { ...person, idType, id: pseudonymiser.pseudonym(idType, person.id) };
}
