import { ShapeCheck } from './check-shape';
import { HealthEvent, Person } from './event.types';
import { normalizePersonId } from './resident-id';

/**
 * The accepted event as a plain object (what goes to Kafka), built from a DTO instance that passed
 * every check: so only contract fields are present, and each holds a value of its declared type.
 */
export function toHealthEvent(shape: Required<Pick<ShapeCheck, 'dto'>> & ShapeCheck, currentResidence: string | undefined): HealthEvent {
  const event = definedFields(shape.dto);
  if (shape.person !== undefined) {
    const person = definedFields(shape.person) as unknown as Person;
    person.id = normalizePersonId(person.id);
    person.idType ??= 'resident_id';
    if (currentResidence !== undefined) person.residenceRegion = currentResidence;
    event.person = person;
  }
  return event as unknown as HealthEvent;
}

function definedFields(instance: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(instance)) {
    if (value !== undefined) out[key] = Array.isArray(value) ? value.slice() : value;
  }
  return out;
}
