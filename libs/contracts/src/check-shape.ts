import { ValidationError, ValidationTypes, validateSync } from 'class-validator';
import { codeOfConstraint, decisiveConstraint } from './constraint-codes';
import { EventDtoClass, EventEnvelopeDto } from './dto/event-envelope.dto';
import { EVENT_DTO_BY_TYPE } from './dto/event-dto-by-type';
import { PersonDto, PersonIdentityDto } from './dto/person.dto';
import { joinPath, showableKey } from './error-paths';
import { EVENT_TYPES, EventType } from './event.types';
import { isPlainObject } from './plain-object';
import { EventError } from './rejection-codes';
import { rememberValidationMetadata } from './remembered-validation-metadata';

/**
 * Structural check of one raw event against its DTO: JSON types, required fields, formats, sizes,
 * code lists, unknown fields. No clock, no registry (see check-context.ts).
 *
 * The DTO instance is built here by hand instead of with class-transformer's `plainToInstance`:
 * that recurses into every nested value without a depth limit (a deeply nested or cyclic value in
 * any field would overflow the stack), and assigning a JSON `__proto__` key with `=` would replace
 * the instance's prototype. Here, only own keys are copied, with `defineProperty`, one level deep
 * (two for `person`), and the keys that reach the prototype chain are rejected outright.
 */

// Every event is checked with validateSync: its rule lookups are made once per class, not once per event.
rememberValidationMetadata();

/** Keys that reach or replace the prototype chain; never contract fields, never copied. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

type Instance = Record<string, unknown>;

export interface ShapeCheck {
  errors: EventError[];
  /** The known `type`, if `type` was valid. */
  type?: EventType;
  /** The DTO instance (possibly invalid); absent when the input is not an object at all. */
  dto?: EventEnvelopeDto & Instance;
  /** The person DTO instance, when `person` was an object and the type knows its person rules. */
  person?: PersonIdentityDto & Instance;
  /** Submitted person identifier, so the caller can make sure no error repeats it. */
  personIdSubmitted?: string;
}

export function checkShape(input: unknown): ShapeCheck {
  if (!isPlainObject(input)) {
    return { errors: [{ path: '', code: 'invalid_type', message: 'The event must be a JSON object' }] };
  }
  const errors: EventError[] = [];
  const type = readType(input, errors);
  const dtoClass: EventDtoClass = type === undefined ? EventEnvelopeDto : EVENT_DTO_BY_TYPE[type];
  const dto = instantiate(dtoClass, input, '', errors);

  // A voided event needs only its envelope, so its person (if sent) is held to the loosest rules.
  const personClass = dto.voided === true ? PersonDto : dtoClass.personDto;
  const rawPerson = dto.person;
  const personIdSubmitted = isPlainObject(rawPerson) && typeof rawPerson.id === 'string' ? rawPerson.id : undefined;
  let person: (PersonIdentityDto & Instance) | undefined;
  if (personClass !== undefined && isPlainObject(rawPerson)) {
    person = instantiate(personClass, rawPerson, 'person', errors);
    setOwn(dto, 'person', person);
  }

  const failures = validateSync(dto, {
    // With an unknown type we cannot tell which fields belong, so only the envelope is judged.
    whitelist: type !== undefined,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
  });
  flatten(failures, '', errors);
  return { errors, type, dto, person, personIdSubmitted };
}

function readType(input: Instance, errors: EventError[]): EventType | undefined {
  const type = Object.prototype.hasOwnProperty.call(input, 'type') ? input.type : undefined;
  const allowed = EVENT_TYPES.join(', ');
  if (type === undefined || type === null) {
    errors.push({ path: 'type', code: 'missing_field', message: `type is required: one of ${allowed}` });
  } else if (typeof type !== 'string') {
    errors.push({ path: 'type', code: 'invalid_type', message: `type must be a string: one of ${allowed}` });
  } else if (!(EVENT_TYPES as readonly string[]).includes(type)) {
    errors.push({ path: 'type', code: 'unknown_event_type', message: `type must be one of ${allowed}` });
  } else {
    return type as EventType;
  }
  return undefined;
}

/**
 * A fresh DTO instance carrying the own keys of `raw`. `null` counts as absent (many serialisers
 * write nulls for empty fields), which also lets the DTO's defaults (`version`, `voided`) apply.
 * Arrays are copied so that later reads see what was validated.
 */
function instantiate<T extends object>(cls: new () => T, raw: Instance, path: string, errors: EventError[]): T & Instance {
  const target = new cls() as T & Instance;
  for (const key of Object.keys(raw)) {
    if (RESERVED_KEYS.has(key)) {
      errors.push(unknownField(joinPath(path, key)));
      continue;
    }
    const value = raw[key];
    if (value === null || value === undefined) continue;
    setOwn(target, key, Array.isArray(value) ? Array.from(value) : value);
  }
  return target;
}

function setOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function unknownField(path: string): EventError {
  return { path, code: 'unknown_field', message: `${path} is not a field of event contract v1` };
}

/** class-validator's error tree → one `EventError` per failing field; a failing parent hides its children. */
function flatten(failures: ValidationError[], parent: string, out: EventError[]): void {
  for (const failure of failures) {
    const key = failure.property === undefined ? undefined : String(failure.property);
    const path = key === undefined ? parent : joinPath(parent, key);
    const constraints = failure.constraints ?? {};
    const names = Object.keys(constraints);
    if (names.length === 0) {
      flatten(failure.children ?? [], path, out);
      continue;
    }
    const decisive = decisiveConstraint(names);
    const code = codeOfConstraint(decisive);
    if (code === 'unknown_field') {
      out.push(unknownField(joinPath(parent, showableKey(key ?? ''))));
    } else if (code === 'missing_field') {
      out.push({ path, code, message: `${path} is required` });
    } else if (decisive === 'unknownValue' || decisive === ValidationTypes.NESTED_VALIDATION) {
      // class-validator's own wording here ("an unknown value was passed...") means nothing to integrators.
      out.push({ path, code, message: `${path} must be a JSON object` });
    } else {
      out.push({ path, code, message: withPath(constraints[decisive], key, path) });
    }
  }
}

/** class-validator names the property (`residenceRegion must ...`); integrators need the path (`person.residenceRegion must ...`). */
function withPath(message: string, key: string | undefined, path: string): string {
  if (key === undefined || key === path) return message;
  for (const prefix of ['', 'each value in ']) {
    if (message.startsWith(`${prefix}${key} `)) return `${prefix}${path}${message.slice(prefix.length + key.length)}`;
  }
  return message;
}
