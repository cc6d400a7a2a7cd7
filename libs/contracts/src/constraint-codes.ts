import { ValidationTypes } from 'class-validator';
import { CUSTOM_CONSTRAINTS as C } from './dto/validators';
import { RejectionCode } from './rejection-codes';

/**
 * The one place where class-validator constraint names become rejection codes. A spec walks every
 * DTO's metadata and fails if a constraint is used that is not listed here.
 */
export const CODE_BY_CONSTRAINT: Readonly<Record<string, RejectionCode>> = {
  isDefined: 'missing_field',
  [ValidationTypes.WHITELIST]: 'unknown_field',

  isString: 'invalid_type',
  isNumber: 'invalid_type',
  isBoolean: 'invalid_type',
  isArray: 'invalid_type',
  isObject: 'invalid_type',
  // Raised by class-validator itself when a nested value is not an object it knows.
  [ValidationTypes.NESTED_VALIDATION]: 'invalid_type',
  unknownValue: 'invalid_type',

  maxLength: 'too_long',
  arrayMaxSize: 'too_many_items',

  isInt: 'invalid_value',
  min: 'invalid_value',
  max: 'invalid_value',
  matches: 'invalid_value',
  arrayUnique: 'invalid_value',
  [C.isCleanText]: 'invalid_value',
  [C.isRegionCode]: 'invalid_value',
  [C.onlyForAction]: 'invalid_value',

  [C.isEventType]: 'unknown_event_type',
  [C.isAction]: 'unknown_action',
  [C.isCode]: 'unknown_code',

  [C.isOffsetTimestamp]: 'invalid_timestamp',
  [C.isCalendarDate]: 'invalid_timestamp',

  [C.isPersonId]: 'invalid_id_number',
  [C.isFreeOfIdNumbers]: 'personal_data_in_identifier',
};

/**
 * When several constraints of one field fail, the first of these wins: `42` as `eventId` fails
 * `isString`, `maxLength` and `matches`, and only "must be a string" helps the integrator.
 * Codes not listed rank after these, in the order the DTO declares them.
 */
const PRECEDENCE: readonly RejectionCode[] = ['missing_field', 'unknown_field', 'invalid_type', 'too_long', 'too_many_items'];

export function codeOfConstraint(constraint: string): RejectionCode {
  // Unknown names can only come from a DTO edited without updating the table; the spec catches that.
  return Object.prototype.hasOwnProperty.call(CODE_BY_CONSTRAINT, constraint) ? CODE_BY_CONSTRAINT[constraint] : 'invalid_value';
}

/** The constraint to report for one field: highest precedence, then declaration order. */
export function decisiveConstraint(constraints: readonly string[]): string {
  const rank = (name: string) => {
    const i = PRECEDENCE.indexOf(codeOfConstraint(name));
    return i === -1 ? PRECEDENCE.length : i;
  };
  return constraints.reduce((best, name) => (rank(name) < rank(best) ? name : best));
}
