import { EventType } from './event.types';
import { EXAMPLE_EVENTS, EXAMPLE_INSTITUTIONS, EXAMPLE_VOIDED_EVENT, exampleValidationContext } from './examples';
import { REJECTION_CODES, RejectionCode } from './rejection-codes';
import { residentIdCheckChar } from './resident-id';
import { ValidationContext } from './validation-context';
import { validateEvent } from './validate-event';

type Json = Record<string, any>;
const example = (type: EventType, index = 0): Json => JSON.parse(JSON.stringify(EXAMPLE_EVENTS[type][index]));
/** An example of `type` with `change` applied (to a fresh copy). */
const changed = (type: EventType, change: (event: Json) => void, index = 0): Json => {
  const event = example(type, index);
  change(event);
  return event;
};
const withId = (first17: string) => first17 + residentIdCheckChar(first17);
const inactiveTownship = exampleValidationContext({
  institution: (id) =>
    id === EXAMPLE_INSTITUTIONS.townshipCenter.id ? { facts: EXAMPLE_INSTITUTIONS.townshipCenter, active: false } : exampleValidationContext().institution(id),
});

interface Case {
  name: string;
  input: unknown;
  path: string;
  code: RejectionCode;
  ctx?: ValidationContext;
}

const cases: Case[] = [
  // invalid_type
  { name: 'null event', input: null, path: '', code: 'invalid_type' },
  { name: 'array event', input: [example('visit')], path: '', code: 'invalid_type' },
  { name: 'number event', input: 42, path: '', code: 'invalid_type' },
  { name: 'string event', input: JSON.stringify(example('visit')), path: '', code: 'invalid_type' },
  { name: 'type as number', input: changed('visit', (e) => (e.type = 1)), path: 'type', code: 'invalid_type' },
  { name: 'eventId as number', input: changed('visit', (e) => (e.eventId = 123)), path: 'eventId', code: 'invalid_type' },
  { name: 'version as string', input: changed('visit', (e) => (e.version = '2')), path: 'version', code: 'invalid_type' },
  { name: 'voided as string', input: changed('visit', (e) => (e.voided = 'true')), path: 'voided', code: 'invalid_type' },
  { name: 'person as string', input: changed('visit', (e) => (e.person = '610921199001011234')), path: 'person', code: 'invalid_type' },
  { name: 'person as array', input: changed('visit', (e) => (e.person = [e.person])), path: 'person', code: 'invalid_type' },
  { name: 'cost as string', input: changed('visit', (e) => (e.cost = '86.5')), path: 'cost', code: 'invalid_type' },
  { name: 'tcmPrescription as 1', input: changed('visit', (e) => (e.tcmPrescription = 1)), path: 'tcmPrescription', code: 'invalid_type' },
  { name: 'dose as string', input: changed('vaccination', (e) => (e.dose = '1')), path: 'dose', code: 'invalid_type' },
  { name: 'vaccine as number', input: changed('vaccination', (e) => (e.vaccine = 7)), path: 'vaccine', code: 'invalid_type' },
  { name: 'priorityGroups as string', input: changed('family_doctor', (e) => (e.priorityGroups = 'elderly_65')), path: 'priorityGroups', code: 'invalid_type' },
  { name: 'controlled as string', input: changed('chronic_followup', (e) => (e.controlled = 'yes'), 1), path: 'controlled', code: 'invalid_type' },
  { name: 'person.id as number', input: changed('visit', (e) => (e.person.id = 610921199001011234)), path: 'person.id', code: 'invalid_type' },

  // missing_field
  { name: 'no type', input: changed('visit', (e) => delete e.type), path: 'type', code: 'missing_field' },
  { name: 'no action', input: changed('visit', (e) => delete e.action), path: 'action', code: 'missing_field' },
  { name: 'no eventId', input: changed('visit', (e) => delete e.eventId), path: 'eventId', code: 'missing_field' },
  { name: 'null eventId', input: changed('visit', (e) => (e.eventId = null)), path: 'eventId', code: 'missing_field' },
  { name: 'no institutionId', input: changed('visit', (e) => delete e.institutionId), path: 'institutionId', code: 'missing_field' },
  { name: 'no occurredAt', input: changed('visit', (e) => delete e.occurredAt), path: 'occurredAt', code: 'missing_field' },
  { name: 'visit without person', input: changed('visit', (e) => delete e.person), path: 'person', code: 'missing_field' },
  { name: 'visit without residence', input: changed('visit', (e) => delete e.person.residenceRegion), path: 'person.residenceRegion', code: 'missing_field' },
  { name: 'person without id', input: changed('visit', (e) => delete e.person.id), path: 'person.id', code: 'missing_field' },
  { name: 'referral without referralId', input: changed('referral', (e) => delete e.referralId), path: 'referralId', code: 'missing_field' },
  { name: 'referral without from', input: changed('referral', (e) => delete e.fromInstitutionId), path: 'fromInstitutionId', code: 'missing_field' },
  { name: 'referral without to', input: changed('referral', (e) => delete e.toInstitutionId), path: 'toInstitutionId', code: 'missing_field' },
  { name: 'vaccination without vaccine', input: changed('vaccination', (e) => delete e.vaccine), path: 'vaccine', code: 'missing_field' },
  { name: 'vaccination without dose', input: changed('vaccination', (e) => delete e.dose), path: 'dose', code: 'missing_field' },
  { name: 'vaccination without birth date', input: changed('vaccination', (e) => delete e.person.birthDate), path: 'person.birthDate', code: 'missing_field' },
  {
    name: 'vaccination without residence',
    input: changed('vaccination', (e) => delete e.person.residenceRegion),
    path: 'person.residenceRegion',
    code: 'missing_field',
  },
  { name: 'screening without programme', input: changed('screening', (e) => delete e.programme), path: 'programme', code: 'missing_field' },
  { name: 'screening without result', input: changed('screening', (e) => delete e.result), path: 'result', code: 'missing_field' },
  { name: 'screening without sex', input: changed('screening', (e) => delete e.person.sex), path: 'person.sex', code: 'missing_field' },
  { name: 'family doctor without teamId', input: changed('family_doctor', (e) => delete e.teamId), path: 'teamId', code: 'missing_field' },
  { name: 'service without serviceKind', input: changed('family_doctor', (e) => delete e.serviceKind, 3), path: 'serviceKind', code: 'missing_field' },
  { name: 'chronic without condition', input: changed('chronic_followup', (e) => delete e.condition), path: 'condition', code: 'missing_field' },
  { name: 'followup without controlled', input: changed('chronic_followup', (e) => delete e.controlled, 1), path: 'controlled', code: 'missing_field' },
  { name: 'voided event without eventId', input: { ...EXAMPLE_VOIDED_EVENT, eventId: undefined }, path: 'eventId', code: 'missing_field' },

  // unknown_field
  { name: 'extra top-level field', input: changed('visit', (e) => (e.patientName = '张三')), path: 'patientName', code: 'unknown_field' },
  { name: 'field of another type', input: changed('visit', (e) => (e.vaccine = 'HepB')), path: 'vaccine', code: 'unknown_field' },
  { name: 'misspelt field', input: changed('visit', (e) => ((e.occuredAt = e.occurredAt), delete e.occurredAt)), path: 'occuredAt', code: 'unknown_field' },
  { name: 'extra person field', input: changed('visit', (e) => (e.person.name = '张三')), path: 'person.name', code: 'unknown_field' },
  {
    name: '__proto__ key',
    input: JSON.parse(`{"__proto__": {"admin": true}, ${JSON.stringify(example('visit')).slice(1)}`),
    path: '__proto__',
    code: 'unknown_field',
  },
  {
    name: 'constructor key',
    input: changed('visit', (e) => Object.defineProperty(e, 'constructor', { value: { prototype: {} }, enumerable: true })),
    path: 'constructor',
    code: 'unknown_field',
  },
  { name: 'prototype key', input: changed('visit', (e) => (e.prototype = {})), path: 'prototype', code: 'unknown_field' },
  {
    name: 'person.__proto__ key',
    input: changed('visit', (e) => (e.person = JSON.parse(`{"__proto__": {"x": 1}, ${JSON.stringify(e.person).slice(1)}`))),
    path: 'person.__proto__',
    code: 'unknown_field',
  },

  // invalid_value
  { name: 'version 0', input: changed('visit', (e) => (e.version = 0)), path: 'version', code: 'invalid_value' },
  { name: 'version 1.5', input: changed('visit', (e) => (e.version = 1.5)), path: 'version', code: 'invalid_value' },
  { name: 'version beyond int4', input: changed('visit', (e) => (e.version = 2 ** 31)), path: 'version', code: 'invalid_value' },
  { name: 'dose 0', input: changed('vaccination', (e) => (e.dose = 0)), path: 'dose', code: 'invalid_value' },
  { name: 'dose 11', input: changed('vaccination', (e) => (e.dose = 11)), path: 'dose', code: 'invalid_value' },
  { name: 'dose 1.5', input: changed('vaccination', (e) => (e.dose = 1.5)), path: 'dose', code: 'invalid_value' },
  { name: 'negative cost', input: changed('visit', (e) => (e.cost = -1)), path: 'cost', code: 'invalid_value' },
  { name: 'absurd cost', input: changed('visit', (e) => (e.cost = 1e9)), path: 'cost', code: 'invalid_value' },
  { name: 'eventId with a space', input: changed('visit', (e) => (e.eventId = 'HIS 0001')), path: 'eventId', code: 'invalid_value' },
  { name: 'eventId with Chinese', input: changed('visit', (e) => (e.eventId = '门诊-0001')), path: 'eventId', code: 'invalid_value' },
  { name: 'empty eventId', input: changed('visit', (e) => (e.eventId = '')), path: 'eventId', code: 'invalid_value' },
  { name: '5-digit region', input: changed('visit', (e) => (e.person.residenceRegion = '61092')), path: 'person.residenceRegion', code: 'invalid_value' },
  { name: 'institutionId with trailing space', input: changed('visit', (e) => (e.institutionId += ' ')), path: 'institutionId', code: 'invalid_value' },
  { name: 'blank teamId', input: changed('family_doctor', (e) => (e.teamId = '   ')), path: 'teamId', code: 'invalid_value' },
  { name: 'control character in reason', input: changed('referral', (e) => (e.reason = 'a\u0007b')), path: 'reason', code: 'invalid_value' },
  {
    name: 'duplicate priority groups',
    input: changed('family_doctor', (e) => (e.priorityGroups = ['diabetes', 'diabetes'])),
    path: 'priorityGroups',
    code: 'invalid_value',
  },
  { name: 'serviceKind on a signing', input: changed('family_doctor', (e) => (e.serviceKind = 'home_visit')), path: 'serviceKind', code: 'invalid_value' },
  { name: 'born after the event', input: changed('vaccination', (e) => (e.person.birthDate = '2024-03-12')), path: 'person.birthDate', code: 'invalid_value' },

  // too_long
  { name: 'eventId of 65', input: changed('visit', (e) => (e.eventId = 'E'.repeat(65))), path: 'eventId', code: 'too_long' },
  { name: 'institutionId of 65', input: changed('visit', (e) => (e.institutionId = 'I'.repeat(65))), path: 'institutionId', code: 'too_long' },
  { name: 'referralId of 65', input: changed('referral', (e) => (e.referralId = 'R'.repeat(65))), path: 'referralId', code: 'too_long' },
  { name: 'reason of 501', input: changed('referral', (e) => (e.reason = '因'.repeat(501))), path: 'reason', code: 'too_long' },
  { name: 'teamId of 65', input: changed('family_doctor', (e) => (e.teamId = 'T'.repeat(65))), path: 'teamId', code: 'too_long' },
  { name: 'person.id of 33', input: changed('visit', (e) => (e.person.id = '1'.repeat(33))), path: 'person.id', code: 'too_long' },
  { name: 'occurredAt of 1 MB', input: changed('visit', (e) => (e.occurredAt = '2'.repeat(1 << 20))), path: 'occurredAt', code: 'too_long' },
  { name: 'birthDate of 11', input: changed('vaccination', (e) => (e.person.birthDate = '2023-09-200')), path: 'person.birthDate', code: 'too_long' },

  // too_many_items
  {
    name: 'six priority groups',
    input: changed('family_doctor', (e) => (e.priorityGroups = ['elderly_65', 'hypertension', 'diabetes', 'smd', 'low_income', 'elderly_65'])),
    path: 'priorityGroups',
    code: 'too_many_items',
  },

  // unknown_event_type
  { name: 'plural type', input: changed('visit', (e) => (e.type = 'visits')), path: 'type', code: 'unknown_event_type' },
  { name: 'upper-case type', input: changed('visit', (e) => (e.type = 'VISIT')), path: 'type', code: 'unknown_event_type' },
  { name: 'inherited name as type', input: changed('visit', (e) => (e.type = 'constructor')), path: 'type', code: 'unknown_event_type' },

  // unknown_action
  { name: 'visit/inpatient', input: changed('visit', (e) => (e.action = 'inpatient')), path: 'action', code: 'unknown_action' },
  { name: 'referral/outpatient', input: changed('referral', (e) => (e.action = 'outpatient')), path: 'action', code: 'unknown_action' },
  { name: 'vaccination/dose2', input: changed('vaccination', (e) => (e.action = 'dose2')), path: 'action', code: 'unknown_action' },
  { name: 'action as number', input: changed('screening', (e) => (e.action = 1)), path: 'action', code: 'unknown_action' },

  // unknown_code
  { name: 'vaccine COVID', input: changed('vaccination', (e) => (e.vaccine = 'COVID-19')), path: 'vaccine', code: 'unknown_code' },
  { name: 'vaccine in lower case', input: changed('vaccination', (e) => (e.vaccine = 'hepb')), path: 'vaccine', code: 'unknown_code' },
  { name: 'programme colon', input: changed('screening', (e) => (e.programme = 'colon')), path: 'programme', code: 'unknown_code' },
  { name: 'result positive', input: changed('screening', (e) => (e.result = 'positive')), path: 'result', code: 'unknown_code' },
  { name: 'priority group elderly', input: changed('family_doctor', (e) => (e.priorityGroups = ['elderly'])), path: 'priorityGroups', code: 'unknown_code' },
  { name: 'service kind phone', input: changed('family_doctor', (e) => (e.serviceKind = 'phone_call'), 3), path: 'serviceKind', code: 'unknown_code' },
  { name: 'condition asthma', input: changed('chronic_followup', (e) => (e.condition = 'asthma')), path: 'condition', code: 'unknown_code' },
  { name: 'sex X', input: changed('visit', (e) => (e.person.sex = 'X')), path: 'person.sex', code: 'unknown_code' },
  { name: 'idType driver_license', input: changed('visit', (e) => (e.person.idType = 'driver_license')), path: 'person.idType', code: 'unknown_code' },

  // invalid_timestamp
  { name: 'occurredAt without offset', input: changed('visit', (e) => (e.occurredAt = '2024-03-15T09:30:00')), path: 'occurredAt', code: 'invalid_timestamp' },
  { name: 'occurredAt as a date', input: changed('visit', (e) => (e.occurredAt = '2024-03-15')), path: 'occurredAt', code: 'invalid_timestamp' },
  {
    name: 'occurredAt on 30 February',
    input: changed('visit', (e) => (e.occurredAt = '2024-02-30T09:30:00+08:00')),
    path: 'occurredAt',
    code: 'invalid_timestamp',
  },
  {
    name: 'occurredAt with a space',
    input: changed('visit', (e) => (e.occurredAt = '2024-03-15 09:30:00+08:00')),
    path: 'occurredAt',
    code: 'invalid_timestamp',
  },
  { name: 'occurredAt in epoch ms', input: changed('visit', (e) => (e.occurredAt = '1710466200000')), path: 'occurredAt', code: 'invalid_timestamp' },
  {
    name: 'birthDate not a date',
    input: changed('vaccination', (e) => (e.person.birthDate = '2023-02-29')),
    path: 'person.birthDate',
    code: 'invalid_timestamp',
  },
  { name: 'birthDate compact', input: changed('vaccination', (e) => (e.person.birthDate = '20230920')), path: 'person.birthDate', code: 'invalid_timestamp' },

  // future_timestamp
  {
    name: 'occurredAt beyond the skew',
    input: changed('visit', (e) => (e.occurredAt = '2024-03-20T12:05:01+08:00')),
    path: 'occurredAt',
    code: 'future_timestamp',
  },
  { name: 'occurredAt next year', input: changed('visit', (e) => (e.occurredAt = '2025-03-15T09:30:00+08:00')), path: 'occurredAt', code: 'future_timestamp' },
  { name: 'birthDate tomorrow', input: changed('visit', (e) => (e.person.birthDate = '2024-03-21')), path: 'person.birthDate', code: 'future_timestamp' },

  // too_old
  { name: 'occurredAt beyond the horizon', input: changed('visit', (e) => (e.occurredAt = '2023-02-14T09:00:00+08:00')), path: 'occurredAt', code: 'too_old' },
  { name: 'occurredAt in 1970', input: changed('visit', (e) => (e.occurredAt = '1970-01-01T00:00:00Z')), path: 'occurredAt', code: 'too_old' },

  // registry
  {
    name: 'unregistered institution',
    input: changed('visit', (e) => (e.institutionId = '610921-THC-999')),
    path: 'institutionId',
    code: 'unknown_institution',
  },
  {
    name: 'unregistered referral target',
    input: changed('referral', (e) => (e.toInstitutionId = '610921-XX-001')),
    path: 'toInstitutionId',
    code: 'unknown_institution',
  },
  {
    name: 'unregistered referral source',
    input: changed('referral', (e) => (e.fromInstitutionId = '610921-XX-001')),
    path: 'fromInstitutionId',
    code: 'unknown_institution',
  },
  { name: 'inactive institution', input: example('visit'), path: 'institutionId', code: 'inactive_institution', ctx: inactiveTownship },
  {
    name: 'residence outside the registry',
    input: changed('visit', (e) => (e.person.residenceRegion = '110101')),
    path: 'person.residenceRegion',
    code: 'unknown_region',
  },
  {
    name: 'referral to itself',
    input: changed('referral', (e) => (e.toInstitutionId = e.fromInstitutionId)),
    path: 'toInstitutionId',
    code: 'same_institution',
  },

  {
    name: 'referral reported by a third institution',
    input: changed('referral', (e) => (e.institutionId = '610921-VC-001')),
    path: 'institutionId',
    code: 'not_a_referral_party',
  },

  // personal_data_in_identifier
  {
    name: 'resident ID as eventId',
    input: changed('visit', (e) => (e.eventId = withId('61092119900101123'))),
    path: 'eventId',
    code: 'personal_data_in_identifier',
  },
  {
    name: 'resident ID inside referralId',
    input: changed('referral', (e) => (e.referralId = 'REF-610921199001011234')),
    path: 'referralId',
    code: 'personal_data_in_identifier',
  },
  {
    name: '15-digit ID as teamId',
    input: changed('family_doctor', (e) => (e.teamId = '610921900101123')),
    path: 'teamId',
    code: 'personal_data_in_identifier',
  },
  {
    name: 'resident ID with X check character as fromInstitutionId',
    input: changed('referral', (e) => (e.fromInstitutionId = '61092119900101104x')),
    path: 'fromInstitutionId',
    code: 'personal_data_in_identifier',
  },

  // invalid_id_number
  { name: 'wrong check digit', input: changed('visit', (e) => (e.person.id = '610921199001011235')), path: 'person.id', code: 'invalid_id_number' },
  { name: '15-digit first-generation ID', input: changed('visit', (e) => (e.person.id = '610921900101123')), path: 'person.id', code: 'invalid_id_number' },
  {
    name: 'ID with a 30 February birth date',
    input: changed('visit', (e) => (e.person.id = withId('61092119900230123'))),
    path: 'person.id',
    code: 'invalid_id_number',
  },
  { name: 'empty ID', input: changed('visit', (e) => (e.person.id = '')), path: 'person.id', code: 'invalid_id_number' },
  {
    name: 'passport too short',
    input: changed('visit', (e) => (e.person = { ...e.person, idType: 'passport', id: 'E12' })),
    path: 'person.id',
    code: 'invalid_id_number',
  },
  {
    name: 'passport with a dash',
    input: changed('visit', (e) => (e.person = { ...e.person, idType: 'passport', id: 'E-1234567' })),
    path: 'person.id',
    code: 'invalid_id_number',
  },
  {
    name: 'passport number without idType (read as a resident ID)',
    input: changed('visit', (e) => (e.person.id = 'E12345678')),
    path: 'person.id',
    code: 'invalid_id_number',
  },
];

describe('validateEvent: rejections', () => {
  it.each(cases.map((c) => [c.code, c.name, c] as const))('%s: %s', (_code, _name, { input, path, code, ctx }) => {
    const result = validateEvent(input, ctx ?? exampleValidationContext());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContainEqual(expect.objectContaining({ path, code }));
    for (const error of result.errors) {
      expect(REJECTION_CODES).toContain(error.code);
      expect(error.message.length).toBeGreaterThan(0);
    }
  });

  it('has a case for every rejection code', () => {
    const covered = new Set(cases.map((c) => c.code));
    expect(REJECTION_CODES.filter((code) => !covered.has(code))).toEqual([]);
  });

  it('reports one error per field, the most helpful one', () => {
    const result = validateEvent(
      changed('visit', (e) => (e.eventId = 12345)),
      exampleValidationContext(),
    );
    expect(result).toEqual({ ok: false, errors: [{ path: 'eventId', code: 'invalid_type', message: 'eventId must be a string' }] });
  });

  it('reports every failing field at once, with dotted paths', () => {
    const input = changed('vaccination', (e) => {
      e.dose = 0;
      e.vaccine = 'XYZ';
      e.person.residenceRegion = '999999';
      e.institutionId = 'nowhere';
    });
    const result = validateEvent(input, exampleValidationContext());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => `${e.path}:${e.code}`).sort()).toEqual(
      ['dose:invalid_value', 'institutionId:unknown_institution', 'person.residenceRegion:unknown_region', 'vaccine:unknown_code'].sort(),
    );
    expect(result.errors.find((e) => e.path === 'person.residenceRegion')?.message).toMatch(/^person\.residenceRegion /);
  });

  it('still checks type-specific fields of a voided event when they are sent', () => {
    const result = validateEvent({ ...EXAMPLE_VOIDED_EVENT, type: 'vaccination', action: 'dose', vaccine: 'COVID-19' }, exampleValidationContext());
    expect(result).toMatchObject({ ok: false, errors: [{ path: 'vaccine', code: 'unknown_code' }] });
  });

  it('still checks the envelope when the type is unknown', () => {
    const result = validateEvent({ ...example('visit'), type: 'lab_result', occurredAt: 'yesterday' }, exampleValidationContext());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.code).sort()).toEqual(['invalid_timestamp', 'unknown_event_type']);
  });

  it('does not pile an unknown-action error onto a field that depends on the action', () => {
    const result = validateEvent(
      changed('family_doctor', (e) => (e.action = 'visit'), 3),
      exampleValidationContext(),
    );
    expect(result).toMatchObject({ ok: false, errors: [{ path: 'action', code: 'unknown_action' }] });
    if (!result.ok) expect(result.errors).toHaveLength(1);
  });
});
