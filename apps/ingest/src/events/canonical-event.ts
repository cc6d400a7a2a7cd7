import { canonicalPerson } from '@lib/contracts';
import type { AcceptedEvent, CanonicalEvent } from '@lib/contracts';
import type { Pseudonymiser } from '../privacy/pseudonymiser';

/**
 * Turns a validated event into what the canonical topic carries: the clear person identifier is
 * replaced by its keyed pseudonym (the only place it is read), the birth date by what the indicators
 * read of it, free text (a referral's `reason`) is left behind, registry facts are attached, and an
 * event brought by a bulk import names that import.
 */
export function toCanonicalEvent(accepted: AcceptedEvent, pseudonymiser: Pseudonymiser, receivedAt: Date, importId?: string): CanonicalEvent {
  const { event, institution, referralParties } = accepted;
  const { person, ...fields } = event;
  if ('reason' in fields) delete fields.reason;
  const canonical = {
    ...fields,
    institution,
    ...(referralParties ? { referralParties } : {}),
    receivedAt: receivedAt.toISOString(),
    ...(importId !== undefined && { importId }),
  } as CanonicalEvent;
  if (person) {
    const idType = person.idType ?? 'resident_id';
    canonical.person = canonicalPerson(person, event.occurredAt, pseudonymiser.pseudonym(idType, person.id));
  }
  return canonical;
}
