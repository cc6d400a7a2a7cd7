import fc from 'fast-check';
import { EVENT_TYPES, HealthEvent } from './event.types';
import { EXAMPLE_EVENTS, exampleValidationContext } from './examples';
import { REJECTION_CODES } from './rejection-codes';
import { residentIdCheckChar } from './resident-id';
import { validateEvent } from './validate-event';
import { ValidationResult } from './validation-context';

const ctx = exampleValidationContext();
const examples: HealthEvent[] = EVENT_TYPES.flatMap((type) => [...EXAMPLE_EVENTS[type]]);
const contractKeys = [
  'eventId',
  'version',
  'voided',
  'type',
  'action',
  'institutionId',
  'occurredAt',
  'person',
  'cost',
  'tcmPrescription',
  'tcmNonDrugTherapy',
  'referralId',
  'fromInstitutionId',
  'toInstitutionId',
  'reason',
  'vaccine',
  'dose',
  'programme',
  'result',
  'teamId',
  'priorityGroups',
  'serviceKind',
  'condition',
  'controlled',
  'id',
  'idType',
  'sex',
  'birthDate',
  'residenceRegion',
];
/** Keys a fuzzer should try: contract names (so values land in real fields), prototype tricks, and noise. */
const keys = fc.oneof(fc.constantFrom(...contractKeys, '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'), fc.string());

function expectWellFormedRejection(result: ValidationResult): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.errors.length).toBeGreaterThan(0);
  for (const error of result.errors) {
    expect(REJECTION_CODES).toContain(error.code);
    expect(typeof error.path).toBe('string');
    expect(typeof error.message).toBe('string');
    expect(error.message.length).toBeGreaterThan(0);
  }
}

/** A valid example with one field (top-level or in `person`) deleted, replaced by random JSON, or added. */
const mutatedExample = fc
  .record({
    example: fc.constantFrom(...examples),
    inPerson: fc.boolean(),
    key: keys,
    value: fc.option(fc.jsonValue(), { nil: undefined }),
  })
  .map(({ example, inPerson, key, value }) => {
    const event = JSON.parse(JSON.stringify(example));
    const target = inPerson && event.person ? event.person : event;
    if (value === undefined) delete target[key];
    else Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
    return event as Record<string, unknown>;
  });

/** Random valid resident IDs: 6-digit region, a real birth date, 3 digits, then the check character. */
const residentId = fc
  .record({
    region: fc.integer({ min: 110000, max: 659999 }),
    birth: fc.date({ min: new Date('1900-01-01'), max: new Date('2024-01-01'), noInvalidDate: true }),
    seq: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ region, birth, seq }) => {
    const first17 = `${region}${birth.toISOString().slice(0, 10).replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
    return first17 + residentIdCheckChar(first17);
  });

describe('validateEvent: properties', () => {
  it('never throws on random JSON, and rejects it with known codes', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (input) => expectWellFormedRejection(validateEvent(input, ctx))),
      { numRuns: 1000 },
    );
  });

  it('never throws on arbitrary JavaScript values (null prototypes, Maps, Dates, sparse arrays, tricky keys)', () => {
    const anything = fc.anything({
      key: keys,
      withNullPrototype: true,
      withMap: true,
      withSet: true,
      withDate: true,
      withBigInt: true,
      withTypedArray: true,
      withSparseArray: true,
      withBoxedValues: true,
      withObjectString: true,
    });
    fc.assert(
      fc.property(anything, (input) => expectWellFormedRejection(validateEvent(input, ctx))),
      { numRuns: 1000 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never throws on near-valid events; what it accepts, it accepts again unchanged', () => {
    fc.assert(
      fc.property(mutatedExample, (input) => {
        const result = validateEvent(input, ctx);
        if (!result.ok) return expectWellFormedRejection(result);
        // The output is itself a valid event, and a fixed point: validation is idempotent. Compared as
        // JSON carries it (the topic does): JSON writes an extra field's -0 as 0.
        const asJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
        expect(validateEvent(asJson(result.event), ctx)).toEqual(asJson(result));
      }),
      { numRuns: 1500 },
    );
  });

  it('never puts the submitted person.id into an error, whatever else is wrong', () => {
    fc.assert(
      fc.property(mutatedExample, residentId, fc.boolean(), fc.boolean(), (input, id, breakCheck, idAsKey) => {
        const submitted = breakCheck ? id.slice(0, 17) + (id[17] === '0' ? '1' : '0') : id;
        const person = { ...(typeof input.person === 'object' && input.person !== null ? input.person : {}), id: submitted };
        if (idAsKey) (person as Record<string, unknown>)[submitted] = 1;
        const result = validateEvent({ ...input, person }, ctx);
        if (result.ok) return;
        expect(JSON.stringify(result.errors).toUpperCase()).not.toContain(submitted.toUpperCase());
      }),
      { numRuns: 1000 },
    );
  });
});
