import { EXAMPLE_EVENTS, exampleValidationContext } from './examples';
import { HIDDEN_KEY } from './error-paths';
import { REJECTION_CODES } from './rejection-codes';
import { residentIdCheckChar } from './resident-id';
import { MAX_REPORTED_ERRORS, validateEvent } from './validate-event';
import { ValidationResult } from './validation-context';

type Json = Record<string, any>;
const ctx = exampleValidationContext();
const visit = (): Json => JSON.parse(JSON.stringify(EXAMPLE_EVENTS.visit[0]));
const errorsOf = (result: ValidationResult) => (result.ok ? [] : result.errors);

function deeplyNested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

describe('validateEvent: hostile input', () => {
  afterEach(() => {
    // Nothing may have leaked onto the shared prototypes.
    expect(({} as Json).polluted).toBeUndefined();
    expect(({} as Json).admin).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
  });

  it('rejects a JSON __proto__ key instead of following it', () => {
    const input = JSON.parse(`{"__proto__": {"polluted": true, "admin": true}, ${JSON.stringify(visit()).slice(1)}`);
    expect(Object.prototype.hasOwnProperty.call(input, '__proto__')).toBe(true);
    const result = validateEvent(input, ctx);
    expect(result).toEqual({ ok: false, errors: [{ path: '__proto__', code: 'unknown_field', message: expect.any(String) }] });
  });

  it('rejects constructor/prototype keys at both levels', () => {
    const input: Json = { ...visit(), constructor: { prototype: { polluted: true } } };
    input.person = JSON.parse(`{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, ${JSON.stringify(input.person).slice(1)}`);
    const paths = errorsOf(validateEvent(input, ctx)).map((e) => `${e.path}:${e.code}`);
    expect(paths.sort()).toEqual(['constructor:unknown_field', 'person.__proto__:unknown_field', 'person.constructor:unknown_field']);
  });

  it('survives values nested 100 000 deep in any field', () => {
    const deep = deeplyNested(100_000);
    for (const change of [
      (e: Json) => (e.eventId = deep),
      (e: Json) => (e.person = deep),
      (e: Json) => (e.person.id = deep),
      (e: Json) => (e.extra = deep),
      (e: Json) => (e.person.extra = deep),
    ]) {
      const input = visit();
      change(input);
      const result = validateEvent(input, ctx);
      expect(result.ok).toBe(false);
    }
  });

  it('survives cyclic values', () => {
    const input = visit();
    input.person.self = input.person;
    input.loop = input;
    expect(
      errorsOf(validateEvent(input, ctx))
        .map((e) => e.path)
        .sort(),
    ).toEqual(['loop', 'person.self']);
  });

  it('survives throwing getters and proxies', () => {
    const getter = visit();
    Object.defineProperty(getter, 'eventId', {
      enumerable: true,
      get: () => {
        throw new Error('boom');
      },
    });
    const proxy = new Proxy(visit(), {
      ownKeys: () => {
        throw new Error('boom');
      },
    });
    for (const input of [getter, proxy]) {
      expect(validateEvent(input, ctx)).toEqual({ ok: false, errors: [{ path: '', code: 'invalid_type', message: expect.any(String) }] });
    }
  });

  it.each([
    ['Map', new Map(Object.entries(visit()))],
    ['Date', new Date()],
    [
      'class instance',
      new (class Event {
        type = 'visit';
      })(),
    ],
    ['function', () => visit()],
    ['undefined', undefined],
    ['BigInt', BigInt(1)],
    ['symbol', Symbol('event')],
  ])('rejects a %s as the event', (_name, input) => {
    expect(validateEvent(input, ctx)).toMatchObject({ ok: false, errors: [{ path: '', code: 'invalid_type' }] });
  });

  it('reads a null-prototype object like a plain one', () => {
    const input = Object.assign(Object.create(null), visit());
    input.person = Object.assign(Object.create(null), input.person);
    expect(validateEvent(input, ctx).ok).toBe(true);
  });

  it('does not read inherited fields: an object with a prototype of its own is not JSON', () => {
    const input = Object.create(visit());
    expect(validateEvent(input, ctx)).toMatchObject({ ok: false, errors: [{ path: '', code: 'invalid_type' }] });
  });

  it('answers a huge array with one error, quickly', () => {
    const input = { ...JSON.parse(JSON.stringify(EXAMPLE_EVENTS.family_doctor[0])), priorityGroups: new Array(200_000).fill('diabetes') };
    const started = Date.now();
    expect(errorsOf(validateEvent(input, ctx))).toEqual([expect.objectContaining({ path: 'priorityGroups', code: 'too_many_items' })]);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it(`caps the error list at ${MAX_REPORTED_ERRORS}`, () => {
    const input = visit();
    for (let i = 0; i < 10_000; i++) input[`extra${i}`] = i;
    expect(errorsOf(validateEvent(input, ctx))).toHaveLength(MAX_REPORTED_ERRORS);
  });

  it('does not echo field names that are not printable names', () => {
    const input = { ...visit(), 'evil\nINFO forged log line': 1, ['x'.repeat(100)]: 1 };
    const paths = errorsOf(validateEvent(input, ctx)).map((e) => e.path);
    expect(paths).toEqual([HIDDEN_KEY, HIDDEN_KEY]);
  });

  it('lets registry failures propagate, so the caller retries instead of rejecting a good event', () => {
    const broken = exampleValidationContext({
      institution: () => {
        throw new Error('registry unavailable');
      },
    });
    expect(() => validateEvent(visit(), broken)).toThrow('registry unavailable');
  });
});

describe('validateEvent: person identifiers never reach errors', () => {
  const id = '610921199001011234';
  const wrongCheck = '610921199001011235';
  const badDate = '61092119900230123' + residentIdCheckChar('61092119900230123');

  const inputs: [string, Json][] = [
    ['a wrong check digit', { ...visit(), person: { ...visit().person, id: wrongCheck } }],
    ['an impossible birth date', { ...visit(), person: { ...visit().person, id: badDate } }],
    ['an ID too long', { ...visit(), person: { ...visit().person, id: `${id}${id}` } }],
    ['an ID with a passport idType', { ...visit(), person: { ...visit().person, idType: 'passport', id: `${id}-1` } }],
    ['an ID with an unknown idType', { ...visit(), person: { ...visit().person, idType: 'ssn', id } }],
    ['the ID used as a field name', { ...visit(), person: { ...visit().person, [id]: true } }],
    ['the ID used as a top-level field name', { ...visit(), [`patient_${id.toLowerCase()}`]: true }],
    ['a valid ID in an otherwise bad event', { ...visit(), eventId: 7, cost: -1, person: { ...visit().person, residenceRegion: '000000' } }],
    ['the ID on an event of unknown type', { ...visit(), type: 'lab', person: { id: wrongCheck, [wrongCheck]: 1 } }],
  ];

  it.each(inputs)('with %s', (_name, input) => {
    const result = validateEvent(input, ctx);
    expect(result.ok).toBe(false);
    const text = JSON.stringify(result);
    const submitted: string = input.person.id;
    expect(text).not.toContain(submitted);
    expect(text.toUpperCase()).not.toContain(submitted.toUpperCase());
    for (const error of errorsOf(result)) expect(REJECTION_CODES).toContain(error.code);
  });
});

describe('validateEvent: digit runs that could be ID numbers never reach errors', () => {
  const other = '610921198506120028'; // someone else than the event's person
  const inputs: [string, Json][] = [
    ["another person's ID as an unknown field name", { ...visit(), [other]: true }],
    ['an ID inside a nested unknown field name', { ...visit(), person: { ...visit().person, [`mother_${other}`]: 'x' } }],
    ['a 15-digit ID as a field name', { ...visit(), '610921850612002': 1 }],
    ['an ID as eventId', { ...visit(), eventId: other }],
  ];

  it.each(inputs)('with %s', (_name, input) => {
    const result = validateEvent(input, ctx);
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toMatch(/\d{15}/);
  });

  it('still names the unknown field, with the number masked', () => {
    expect(errorsOf(validateEvent({ ...visit(), [`mother_${other}`]: 1 }, ctx))).toContainEqual(
      expect.objectContaining({ path: 'mother_[id number masked]', code: 'unknown_field' }),
    );
  });
});
