import { ageOn, cstDayOf, dayIdFromIsoDate } from '@lib/periods';
import { CanonicalPerson, Person } from './event.types';

/**
 * The person as forwarded past the door: `pseudonym` for the identifier, and the birth date reduced
 * to what the indicators read — the year-month (cohorts) and the age in completed years on the CST
 * day of the event (age bands), worked out here while the exact date is still known.
 */
export function canonicalPerson(person: Person, occurredAt: string, pseudonym: string): CanonicalPerson {
  const { birthDate, ...rest } = person;
  const canonical: CanonicalPerson = { ...rest, idType: person.idType ?? 'resident_id', id: pseudonym };
  if (birthDate !== undefined) {
    const born = dayIdFromIsoDate(birthDate);
    const day = cstDayOf(occurredAt);
    canonical.birthYearMonth = birthDate.slice(0, 7);
    if (born <= day) canonical.ageYears = ageOn(born, day);
  }
  return canonical;
}
