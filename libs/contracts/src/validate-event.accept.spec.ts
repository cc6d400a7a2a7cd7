import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { EVENT_DTO_BY_TYPE } from './dto/event-dto-by-type';
import { ACTIONS_BY_TYPE, EVENT_TYPES, EventType, HealthEvent } from './event.types';
import { EXAMPLE_EVENTS, EXAMPLE_INSTITUTIONS, EXAMPLE_VOIDED_EVENT, exampleValidationContext } from './examples';
import { isValidResidentId } from './resident-id';
import { validateEvent } from './validate-event';

const ctx = exampleValidationContext();
/** As it arrives: parsed JSON, no shared references with the examples. */
const asJson = (value: unknown): Record<string, any> => JSON.parse(JSON.stringify(value));
const allExamples = EVENT_TYPES.flatMap((type) => EXAMPLE_EVENTS[type].map((event) => [type, event.action, event] as const));

function accept(input: unknown) {
  const result = validateEvent(input, ctx);
  if (!result.ok) throw new Error(`expected acceptance, got ${JSON.stringify(result.errors)}`);
  return result;
}

describe('validateEvent: valid events', () => {
  it.each(allExamples)('accepts the %s/%s example', (_type, _action, example) => {
    const { event } = accept(asJson(example));
    const expected = asJson(example);
    if (expected.person) expected.person.idType = 'resident_id';
    expect(event).toEqual(expected);
  });

  it('has examples for every action of every type, with valid resident IDs', () => {
    for (const type of EVENT_TYPES) {
      expect(new Set(EXAMPLE_EVENTS[type].map((e) => e.action))).toEqual(new Set(ACTIONS_BY_TYPE[type]));
      for (const event of EXAMPLE_EVENTS[type] as readonly HealthEvent[]) {
        if (event.person) expect(isValidResidentId(event.person.id)).toBe(true);
      }
    }
  });

  it('returns the registry facts of the reporting institution', () => {
    const result = accept(asJson(EXAMPLE_EVENTS.visit[0]));
    expect(result.institution).toEqual(EXAMPLE_INSTITUTIONS.townshipCenter);
    expect(result.referralParties).toBeUndefined();
  });

  it('returns both parties of a referral, whose levels give the direction', () => {
    const result = accept(asJson(EXAMPLE_EVENTS.referral[0]));
    expect(result.referralParties).toEqual({ from: EXAMPLE_INSTITUTIONS.townshipCenter, to: EXAMPLE_INSTITUTIONS.countyHospital });
  });

  it('fills defaults: version 1, voided false, idType resident_id', () => {
    const input = asJson(EXAMPLE_EVENTS.visit[0]);
    delete input.version;
    delete input.voided;
    const { event } = accept(input);
    expect(event.version).toBe(1);
    expect(event.voided).toBe(false);
    expect(event.person?.idType).toBe('resident_id');
  });

  it('treats null as absent', () => {
    const input = { ...asJson(EXAMPLE_EVENTS.visit[0]), version: null, cost: null, tcmPrescription: null };
    const { event } = accept(input);
    expect(event.version).toBe(1);
    expect(event).not.toHaveProperty('cost');
    expect(event).not.toHaveProperty('tcmPrescription');
  });

  it('maps a superseded residence code to the current one (旬阳 610928 → 610981)', () => {
    const input = asJson(EXAMPLE_EVENTS.visit[0]);
    input.person.residenceRegion = '610928';
    expect(accept(input).event.person?.residenceRegion).toBe('610981');
  });

  it('upper-cases a resident ID ending in x, so one person keeps one pseudonym', () => {
    const input = asJson(EXAMPLE_EVENTS.visit[0]);
    input.person = { ...input.person, id: '61092119900101120x' };
    expect(accept(input).event.person?.id).toBe('61092119900101120X');
  });

  it('accepts other identifier kinds with their own format', () => {
    const input = asJson(EXAMPLE_EVENTS.visit[0]);
    input.person = { ...input.person, id: 'E12345678', idType: 'passport' };
    expect(accept(input).event.person).toMatchObject({ id: 'E12345678', idType: 'passport' });
  });

  it('accepts a voided event that carries only the envelope', () => {
    expect(accept(asJson(EXAMPLE_VOIDED_EVENT)).event).toEqual(EXAMPLE_VOIDED_EVENT);
  });

  it.each(EVENT_TYPES)('accepts a voided %s with only the envelope', (type: EventType) => {
    const { eventId, institutionId, occurredAt, action } = EXAMPLE_EVENTS[type][0];
    accept({ eventId, version: 2, voided: true, type, action, institutionId, occurredAt });
  });

  it('accepts a voided event with a partial person (only the identifier)', () => {
    accept({ ...asJson(EXAMPLE_VOIDED_EVENT), type: 'vaccination', action: 'dose', person: { id: '610921202309200028' } });
  });

  it('accepts a service without priority groups, a follow-up of a registration without `controlled`', () => {
    const service = asJson(EXAMPLE_EVENTS.family_doctor[3]);
    delete service.priorityGroups;
    accept(service);
    const registration = { ...asJson(EXAMPLE_EVENTS.chronic_followup[0]), controlled: true };
    accept(registration);
  });

  it('accepts timestamps in UTC and with fractions, and at the edges of the window', () => {
    const base = asJson(EXAMPLE_EVENTS.visit[0]);
    accept({ ...base, occurredAt: '2024-03-15T01:30:00.250Z' });
    const atSkew = new Date(ctx.now.getTime() + ctx.maxClockSkewMs).toISOString();
    accept({ ...base, occurredAt: atSkew });
    const atHorizon = new Date(ctx.now.getTime() - ctx.maxAgeMs).toISOString();
    accept({ ...base, occurredAt: atHorizon, person: { ...base.person } });
  });

  it('compares birth dates in China Standard Time: born at 00:30 CST is not "tomorrow" in UTC terms', () => {
    // now = 2024-03-19T16:45Z = 2024-03-20 00:45 CST; a baby born on 2024-03-20 CST has a birthDate of today.
    const early = exampleValidationContext({ now: new Date('2024-03-19T16:45:00Z') });
    const input = asJson(EXAMPLE_EVENTS.vaccination[0]);
    input.occurredAt = '2024-03-20T00:40:00+08:00';
    input.vaccine = 'BCG';
    input.dose = 1;
    input.person.birthDate = '2024-03-20';
    expect(validateEvent(input, early)).toMatchObject({ ok: true });
  });

  it('does not change its input', () => {
    const input = asJson(EXAMPLE_EVENTS.family_doctor[0]);
    const copy = structuredClone(input);
    accept(input);
    expect(input).toEqual(copy);
  });

  it.each(allExamples)('keeps the DTOs usable with class-transformer and Nest’s ValidationPipe (%s/%s)', (type, _action, example) => {
    const dto = plainToInstance(EVENT_DTO_BY_TYPE[type] as new () => object, asJson(example));
    expect(validateSync(dto, { whitelist: true, forbidNonWhitelisted: true })).toEqual([]);
  });
});
