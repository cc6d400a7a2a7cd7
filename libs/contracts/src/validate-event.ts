import { checkContext } from './check-context';
import { ShapeCheck, checkShape } from './check-shape';
import { EventError } from './rejection-codes';
import { maskIdNumbers } from './resident-id';
import { toHealthEvent } from './to-health-event';
import { ValidationContext, ValidationResult } from './validation-context';

/** An event with thousands of unknown fields gets the first of them, not a response as large as itself. */
export const MAX_REPORTED_ERRORS = 50;

/**
 * The one door for raw events (HTTP body item or raw Kafka message): structure, then clock and
 * registry. Pure: no I/O, no logging, the clock and registry come in `ctx`.
 *
 * Never throws because of the input — null, arrays, cyclic or absurdly deep values, getters that
 * throw. Exceptions from `ctx.institution`/`ctx.region` do propagate, so a registry outage is
 * retried rather than reported as the sender's fault.
 *
 * Errors never contain the submitted `person.id`: messages do not quote values, and as a last
 * guard any error that would still contain it (say, as the name of an unknown field) is redacted,
 * and every digit run that could be an ID number is masked.
 */
export function validateEvent(input: unknown, ctx: ValidationContext): ValidationResult {
  let shape: ShapeCheck;
  try {
    shape = checkShape(input);
  } catch {
    // Only hostile or non-JSON inputs get here (a Proxy, a throwing getter); JSON.parse output cannot.
    return { ok: false, errors: [{ path: '', code: 'invalid_type', message: 'The event could not be read as a JSON object' }] };
  }
  if (shape.dto === undefined) return rejected(shape.errors, undefined);

  const context = checkContext(shape, ctx);
  const errors = [...shape.errors, ...context.errors];
  if (errors.length > 0) return rejected(errors, shape.personIdSubmitted);
  if (context.institution === undefined) {
    // Unreachable (a clean institutionId always resolves or errs), but "accepted" must never lack its facts.
    return rejected([{ path: 'institutionId', code: 'unknown_institution', message: 'institutionId could not be resolved' }], undefined);
  }

  return {
    ok: true,
    event: toHealthEvent({ ...shape, dto: shape.dto }, context.currentResidence),
    institution: context.institution,
    ...(context.referralParties && { referralParties: context.referralParties }),
  };
}

function rejected(errors: EventError[], personId: string | undefined): ValidationResult {
  return { ok: false, errors: errors.slice(0, MAX_REPORTED_ERRORS).map((error) => masked(redact(error, personId))) };
}

/** Identifiers shorter than this are invalid in every scheme and too short to identify anyone. */
const MIN_REDACTABLE_LENGTH = 4;

function redact(error: EventError, personId: string | undefined): EventError {
  if (personId === undefined || personId.length < MIN_REDACTABLE_LENGTH) return error;
  const contains = (text: string) => text.toUpperCase().includes(personId.toUpperCase());
  if (!contains(error.path) && !contains(error.message)) return error;
  return { ...error, path: scrub(error.path, personId), message: scrub(error.message, personId) };
}

function masked(error: EventError): EventError {
  return { ...error, path: maskIdNumbers(error.path), message: maskIdNumbers(error.message) };
}

function scrub(text: string, secret: string): string {
  return text.split(new RegExp(secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi')).join('[redacted]');
}
