import { ValidateBy, ValidateIf, ValidationArguments, ValidationOptions, buildMessage } from 'class-validator';
import { containsResidentIdNumber, isValidPersonId } from '../resident-id';
import { PERSON_ID_TYPES, PersonIdType } from '../event.types';
import { isCalendarDateString, parseOffsetTimestamp } from '../timestamps';

/**
 * Contract-specific class-validator decorators. Each has its own constraint name so that
 * `constraint-codes.ts` can map it to a rejection code without looking at property names.
 * Messages never interpolate the submitted value (`$value`): person identifiers must not reach logs.
 */
export const CUSTOM_CONSTRAINTS = {
  isEventType: 'isEventType',
  isAction: 'isAction',
  isCode: 'isCode',
  isOffsetTimestamp: 'isOffsetTimestamp',
  isCalendarDate: 'isCalendarDate',
  isRegionCode: 'isRegionCode',
  isPersonId: 'isPersonId',
  isCleanText: 'isCleanText',
  isFreeOfIdNumbers: 'isFreeOfIdNumbers',
  onlyForAction: 'onlyForAction',
} as const;

type Row = Record<string, unknown>;

/** Composes property decorators, so a field's rule reads as one line in the DTO. */
export function Rules(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

/** The discriminator value of a DTO (the DTO is chosen by `type`, so this only fires when a DTO is used on its own). */
export function IsEventType(type: string): PropertyDecorator {
  return ValidateBy({
    name: CUSTOM_CONSTRAINTS.isEventType,
    constraints: [type],
    validator: { validate: (value) => value === type, defaultMessage: () => `$property must be "${type}"` },
  });
}

export function IsAction(actions: readonly string[]): PropertyDecorator {
  return ValidateBy({
    name: CUSTOM_CONSTRAINTS.isAction,
    constraints: [actions],
    validator: {
      validate: (value) => typeof value === 'string' && actions.includes(value),
      defaultMessage: (args?: ValidationArguments) =>
        `$property must be one of ${actions.join(', ')} for a ${String((args?.object as Row | undefined)?.type)} event`,
    },
  });
}

/** Membership of a code list of the contract (vaccines, programmes, groups, ...). */
export function IsCode(codes: readonly string[], options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: CUSTOM_CONSTRAINTS.isCode,
      constraints: [codes],
      validator: {
        validate: (value) => typeof value === 'string' && codes.includes(value),
        defaultMessage: buildMessage((each) => `${each}$property must be one of: ${codes.join(', ')}`, options),
      },
    },
    options,
  );
}

export function IsOffsetTimestamp(): PropertyDecorator {
  return ValidateBy({
    name: CUSTOM_CONSTRAINTS.isOffsetTimestamp,
    validator: {
      validate: (value) => typeof value === 'string' && parseOffsetTimestamp(value) !== undefined,
      defaultMessage: () => '$property must be an ISO 8601 date-time with offset, e.g. 2024-03-15T09:30:00+08:00',
    },
  });
}

export function IsCalendarDate(): PropertyDecorator {
  return ValidateBy({
    name: CUSTOM_CONSTRAINTS.isCalendarDate,
    validator: {
      validate: (value) => typeof value === 'string' && isCalendarDateString(value),
      defaultMessage: () => '$property must be a calendar date YYYY-MM-DD, e.g. 1990-01-01',
    },
  });
}

/** Shape only (GB/T 2260 `PPCCDD`); whether the region exists is the registry's question. */
export function IsRegionCode(): PropertyDecorator {
  return ValidateBy({
    name: CUSTOM_CONSTRAINTS.isRegionCode,
    validator: {
      validate: (value) => typeof value === 'string' && /^\d{6}$/.test(value),
      defaultMessage: () => '$property must be a 6-digit administrative division code (GB/T 2260), e.g. 610921',
    },
  });
}

/** Checks `id` by the sibling `idType`; an unknown `idType` is reported on its own field, not twice. */
export function IsPersonId(): PropertyDecorator {
  return ValidateBy({
    name: CUSTOM_CONSTRAINTS.isPersonId,
    validator: {
      validate: (value, args) => {
        const idType = idTypeOf(args);
        return idType === undefined || isValidPersonId(value, idType);
      },
      defaultMessage: (args?: ValidationArguments) => {
        const idType = idTypeOf(args);
        return idType === 'resident_id'
          ? '$property is not a valid resident ID number: 18 characters, 17 digits and a check character (0-9 or X) per GB 11643, with a real birth date'
          : `$property is not a valid ${idType} number: 4 to 32 letters or digits`;
      },
    },
  });
}

/** The row's `idType` (resident_id when left out); undefined when it is none of PERSON_ID_TYPES. */
function idTypeOf(args?: ValidationArguments): PersonIdType | undefined {
  const idType = (args?.object as Row | undefined)?.idType ?? 'resident_id';
  return PERSON_ID_TYPES.find((type) => type === idType);
}

/**
 * No control characters and not blank. Identifiers (`multiline: false`) also may not start or end
 * with whitespace: `"610921-THC-001 "` would look registered in a log and still not match.
 */
export function IsCleanText({ multiline }: { multiline: boolean }): PropertyDecorator {
  // Tab, LF and CR are fine inside free text such as a referral reason.
  const forbidden = multiline ? /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/ : /[\u0000-\u001F\u007F]/;
  return ValidateBy({
    name: CUSTOM_CONSTRAINTS.isCleanText,
    validator: {
      validate: (value) => typeof value === 'string' && value.trim() !== '' && !forbidden.test(value) && (multiline || value.trim() === value),
      defaultMessage: () =>
        multiline
          ? '$property must not be blank or contain control characters'
          : '$property must not be blank, contain control characters, or start or end with whitespace',
    },
  });
}

/**
 * An identifier chosen by a sending system (event, referral, team, institution) must not be a
 * person's resident ID number: it travels in clear to the canonical topic, the ledger and logs.
 */
export function IsFreeOfIdNumbers(): PropertyDecorator {
  return ValidateBy({
    name: CUSTOM_CONSTRAINTS.isFreeOfIdNumbers,
    validator: {
      validate: (value) => typeof value !== 'string' || !containsResidentIdNumber(value),
      defaultMessage: () => '$property must not contain a resident ID number (GB 11643); use an identifier that carries no personal data',
    },
  });
}

/** A field that only makes sense with one action (e.g. `serviceKind` on a family-doctor `service`). */
export function OnlyForAction(action: string, actions: readonly string[]): PropertyDecorator {
  return ValidateBy({
    name: CUSTOM_CONSTRAINTS.onlyForAction,
    constraints: [action],
    validator: {
      // When `action` itself is wrong, that is the error to report, not this one.
      validate: (_value, args) => {
        const actual = (args?.object as Row | undefined)?.action;
        return actual === action || !actions.includes(actual as string);
      },
      defaultMessage: () => `$property is only allowed with action "${action}"`,
    },
  });
}

/**
 * Required, except on a voided event: withdrawing an event needs only the envelope, so type-specific
 * fields are optional there (but still checked when sent). Follow with `@IsDefined()`.
 */
export function RequiredUnlessVoided(): PropertyDecorator {
  return RequiredWhen(ALWAYS);
}

const ALWAYS = () => true;

/** What a RequiredWhen rule keeps beside its check, so the OpenAPI schema can say "required unless voided". */
export interface RequiredWhenRule {
  readonly unlessVoidedOnly: boolean;
}

/** Required when `condition(event)` holds and the event is not voided; checked whenever present. Follow with `@IsDefined()`. */
export function RequiredWhen(condition: (event: Row) => boolean): PropertyDecorator {
  const check = (event: Row, value: unknown) => (value !== undefined && value !== null) || (event.voided !== true && condition(event));
  const rule: RequiredWhenRule = { unlessVoidedOnly: condition === ALWAYS };
  return ValidateIf(Object.assign(check, rule));
}
