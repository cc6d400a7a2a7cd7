import fc from 'fast-check';
import { EVENT_ID_PATTERN, HealthEvent } from '@lib/contracts';
import { nastyString } from './nasty-strings';

/**
 * Generators of events that the contract must reject, each derived from a valid event by one
 * mutation that is bad by construction (so "accepted" is always a bug). Every payload is JSON
 * text: deep nesting is written as text because building it as an object would overflow the
 * test's own stack, and `__proto__` must be an own key, which only text (or defineProperty) gives.
 */
export interface BadEvent {
  kind: string;
  text: string;
}

type Json = Record<string, unknown>;

const clone = (event: HealthEvent): Json => JSON.parse(JSON.stringify(event)) as Json;

/** Adds a key as an own, enumerable property, even `__proto__`. */
function withOwn(target: Json, key: string, value: unknown): Json {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}

const ENVELOPE_TYPES: Record<string, 'string' | 'number' | 'boolean' | 'object'> = {
  eventId: 'string',
  version: 'number',
  voided: 'boolean',
  type: 'string',
  action: 'string',
  institutionId: 'string',
  occurredAt: 'string',
  person: 'object',
};

/** A JSON value of any kind but `kind` (never null: absence is its own mutation). */
function otherThan(kind: 'string' | 'number' | 'boolean' | 'object'): fc.Arbitrary<unknown> {
  const all: Record<string, fc.Arbitrary<unknown>> = {
    string: fc.oneof(fc.string({ maxLength: 10 }), fc.constant('1'), fc.constant('true')),
    number: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
    boolean: fc.boolean(),
    object: fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
    array: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  };
  return fc.oneof(
    ...Object.entries(all)
      .filter(([k]) => k !== kind)
      .map(([, arb]) => arb),
  );
}

const year = new Date().getFullYear();
const iso = (y: number, rest = '-03-15T09:30:00+08:00') => `${String(y).padStart(4, '0')}${rest}`;
const BAD_TIMESTAMPS = fc.oneof(
  fc.integer({ min: year + 1, max: 9999 }).map((y) => iso(y)), // far future
  fc.integer({ min: 1, max: year - 2 }).map((y) => iso(y)), // ancient
  fc.constantFrom(
    '2024-02-30T10:00:00+08:00',
    '2024-03-15T25:00:00+08:00',
    '2024-03-15T09:30:00',
    '2024-03-15',
    '1710466200000',
    '+275760-09-13T00:00:00Z',
    'yesterday',
    '',
    '2024-13-01T00:00:00+08:00',
    '2024-03-15T09:30:00+24:00',
  ),
);
const BAD_DATES = fc.oneof(
  fc.integer({ min: year + 1, max: 9999 }).map((y) => `${y}-01-01`),
  fc.constantFrom('2023-02-29', '2023-13-01', '99-01-01', '2023/01/01', '20230101', '2023-1-1'),
);
const CODE_FIELDS = ['vaccine', 'programme', 'result', 'serviceKind', 'condition'] as const;
const REQUIRED = ['eventId', 'type', 'action', 'institutionId', 'occurredAt'] as const;

/** One bad event derived from `base`; `huge` caps the size of huge strings and arrays (batches stay under the body limit). */
export function badEvent(base: HealthEvent, huge = 200_000): fc.Arbitrary<BadEvent> {
  const json =
    (kind: string, make: (e: Json) => unknown) =>
    (e: Json): BadEvent => ({ kind, text: JSON.stringify(make(e)) });
  const person = base.person !== undefined;
  const mutations: fc.Arbitrary<BadEvent>[] = [
    fc
      .constantFrom(...Object.keys(ENVELOPE_TYPES).filter((f) => f !== 'person' || person))
      .chain((field) => otherThan(ENVELOPE_TYPES[field]).map((value) => json('wrong_type', (e) => ({ ...e, [field]: value }))(clone(base)))),
    fc.constantFrom(...REQUIRED).map((field) => json('missing_field', (e) => (delete e[field], e))(clone(base))),
    fc
      .tuple(
        fc.oneof(
          fc.constantFrom('__proto__', 'constructor', 'prototype'),
          fc.string({ maxLength: 20 }).map((s) => `x_${s}`),
        ),
        fc.jsonValue({ maxDepth: 3 }).filter((v) => v !== null),
        fc.boolean(),
      )
      .map(([key, value, inPerson]) => {
        const e = clone(base);
        if (inPerson && person) withOwn(e.person as Json, key, value);
        else withOwn(e, key, value);
        return { kind: key.startsWith('x_') ? 'extra_field' : 'prototype_key', text: JSON.stringify(e) };
      }),
    fc
      .tuple(
        fc.constantFrom('eventId', 'institutionId', 'occurredAt', 'type', 'action'),
        fc.integer({ min: 100, max: huge }),
        fc.constantFrom('A', '汉', '\u200B', '9'),
      )
      .map(([field, n, ch]) => json('huge_string', (e) => ({ ...e, [field]: ch.repeat(n) }))(clone(base))),
    fc
      .tuple(fc.integer({ min: 50, max: Math.min(huge, 20_000) }), fc.boolean())
      .map(([n, known]) =>
        json('huge_array', (e) =>
          known ? { ...e, priorityGroups: Array.from({ length: n }, (_, i) => `group_${i}`) } : { ...e, x_items: Array.from({ length: n }, (_, i) => i) },
        )(clone(base)),
      ),
    fc
      .tuple(
        fc.integer({ min: 100, max: Math.min(Math.floor(huge / 2), 20_000) }),
        fc.constantFrom('[', '{"a":'),
        fc.constantFrom('x_deep', '__proto__', 'person'),
      )
      .map(([depth, open, key]) => {
        const close = open === '[' ? ']' : '}';
        // Last, so that a duplicate `person` key wins over the valid one (JSON: the last key wins).
        const text = JSON.stringify(clone(base)).replace(/\}$/, `,"${key}":${open.repeat(depth)}1${close.repeat(depth)}}`);
        return { kind: 'deep_nesting', text };
      }),
    fc
      .tuple(
        fc.constantFrom('eventId', 'type', 'action', 'institutionId', 'occurredAt', 'person.residenceRegion', 'person.id', 'person.sex', 'person.birthDate'),
        nastyString,
      )
      .filter(([field, s]) => !(field === 'eventId' && EVENT_ID_PATTERN.test(s)) && !(field === 'person.sex' && /^[A-Za-z]$/.test(s)))
      .filter(([field]) => !field.startsWith('person.') || person)
      .map(([field, s]) => json('nasty_string', (e) => setPath(e, field, s))(clone(base))),
    BAD_TIMESTAMPS.map((t) => json('bad_time', (e) => ({ ...e, occurredAt: t }))(clone(base))),
    person
      ? BAD_DATES.map((d) => json('bad_date', (e) => setPath(e, 'person.birthDate', d))(clone(base)))
      : BAD_TIMESTAMPS.map((t) => json('bad_time', (e) => ({ ...e, occurredAt: t }))(clone(base))),
    fc.string({ minLength: 1, maxLength: 20 }).map((s) => {
      const field = CODE_FIELDS.find((f) => f in base);
      return json('unknown_code', (e) => (field ? { ...e, [field]: `zz_${s}` } : { ...e, type: `zz_${s}` }))(clone(base));
    }),
    fc
      .oneof(
        fc.constantFrom(0, -1, 1.5, 2 ** 31, 1e308, Number.MAX_SAFE_INTEGER + 2).map((v) => ['version', v] as const),
        fc.constantFrom(0, 11, 2.5, -3, 1e9).map((v) => ['dose', v] as const),
        fc.constantFrom(-0.01, 10_000_001, 1e308).map((v) => ['cost', v] as const),
      )
      .map(([field, v]) => json('bad_number', (e) => (field === 'version' || field in e ? { ...e, [field]: v } : { ...e, version: 0 }))(clone(base))),
    person
      ? fc.constant(json('invalid_id_number', (e) => setPath(e, 'person.id', flipCheck(String(base.person?.id))))(clone(base)))
      : fc.constant(json('missing_field', (e) => (delete e.eventId, e))(clone(base))),
    fc
      .oneof(fc.integer(), fc.string(), fc.constant(null), fc.boolean(), fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }))
      .map((v) => ({ kind: 'not_an_object', text: JSON.stringify(v) })),
  ];
  return fc.oneof(...mutations);
}

function setPath(e: Json, path: string, value: unknown): Json {
  const [head, tail] = path.split('.');
  if (tail === undefined) return { ...e, [head]: value };
  return { ...e, [head]: { ...(e[head] as Json), [tail]: value } };
}

/** A resident ID number with another check character: always fails GB 11643. */
function flipCheck(id: string): string {
  const last = id.slice(-1);
  return id.slice(0, -1) + (last === '0' ? '1' : '0');
}
