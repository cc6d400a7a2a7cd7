import fc from 'fast-check';
import type { CanonicalEvent } from '@lib/contracts';
import { amend, chronic, diseaseReport, familyDoctor, INST, InstitutionName, referral, screening, vaccination, visit } from './event-builders';

/**
 * Random event histories for property tests: each logical event has 1–3 versions (amendments may
 * change anything but identity), maybe voided, maybe retried; arrival is shuffled. `finals` are the
 * versions that stand at the end.
 */
export const INSTITUTIONS = Object.keys(INST) as InstitutionName[];
export const PERSONS = ['p0', 'p1', 'p2'];
export const BIRTH = { p0: '2023-02-01', p1: '2023-11-30', p2: '2022-12-31' } as Record<string, string>;
/** Adults for screenings, two of them crossing an age bound (35, 64) inside the generated range. */
const ADULT_BIRTH = { p0: '1980-05-01', p1: '1960-01-15', p2: '1989-06-30' } as Record<string, string>;
const BASE_MS = Date.parse('2023-11-01T00:00:00+08:00');

export type Family = 'visit' | 'referral' | 'vaccination' | 'screening' | 'chronic' | 'family_doctor' | 'disease_report';

const content = fc.record({
  minutes: fc.integer({ min: 0, max: 460 * 24 * 60 }), // Nov 2023 .. Feb 2025
  utc: fc.boolean(),
  person: fc.constantFrom(...PERSONS),
  residence: fc.constantFrom('610921', '610902'),
  visitAction: fc.constantFrom('outpatient', 'emergency', 'admission', 'discharge' as const),
  referralAction: fc.constantFrom('initiated', 'initiated', 'accepted', 'completed', 'cancelled' as const),
  referralId: fc.constantFrom('R1', 'R2', 'R3'),
  from: fc.constantFrom(...INSTITUTIONS),
  to: fc.constantFrom(...INSTITUTIONS),
  vaccine: fc.constantFrom('HepB', 'BCG' as const),
  dose: fc.integer({ min: 1, max: 2 }),
  chronicAction: fc.constantFrom('registration', 'followup', 'followup', 'followup', 'followup' as const),
  controlled: fc.boolean(),
  contractAction: fc.constantFrom('contract_signed', 'contract_renewed', 'contract_cancelled' as const),
  priority: fc.boolean(),
  programme: fc.constantFrom('cervical', 'breast', 'newborn' as const),
  sex: fc.constantFrom('F', 'M' as const),
  cardAction: fc.constantFrom('reported', 'revised', 'deleted' as const),
  disease: fc.constantFrom('measles', 'cholera', 'influenza', 'not_a_disease'),
  classification: fc.constantFrom('suspected', 'confirmed', 'carrier'),
  // Diagnosis before the report, around both limits (2 h, 24 h); receipt after it, maybe of an earlier version.
  diagnosedMinutesBefore: fc.constantFrom(0, 119, 121, 1439, 1441),
  receiptMinutesAfter: fc.constantFrom(0, 1, 60),
  firstReceipt: fc.boolean(),
});
type Content = typeof content extends fc.Arbitrary<infer T> ? T : never;

function build(family: Family, inst: InstitutionName, eventId: string, c: Content, chronicDensity: boolean): CanonicalEvent {
  const ms = BASE_MS + (chronicDensity ? c.minutes % (200 * 24 * 60) : c.minutes) * 60_000;
  const at = c.utc ? new Date(ms).toISOString() : new Date(ms + 8 * 3600_000).toISOString().replace('Z', '+08:00');
  const common = { inst, eventId, at };
  switch (family) {
    case 'visit':
      return visit({ ...common, action: c.visitAction, person: c.person, residence: c.residence });
    case 'referral':
      return referral({ ...common, action: c.referralAction, referralId: c.referralId, from: c.from, to: c.to });
    case 'vaccination':
      return vaccination({ ...common, person: c.person, birthDate: BIRTH[c.person], vaccine: c.vaccine, dose: c.dose, residence: c.residence });
    case 'screening':
      return screening({
        ...common,
        person: c.person,
        programme: c.programme,
        sex: c.sex,
        birthDate: c.programme === 'newborn' ? BIRTH[c.person] : ADULT_BIRTH[c.person],
        residence: c.residence,
      });
    case 'chronic':
      return chronic({ ...common, action: c.chronicAction, person: c.person, controlled: c.controlled, residence: c.residence });
    case 'family_doctor':
      return familyDoctor({
        ...common,
        action: c.contractAction,
        person: c.person,
        residence: c.residence,
        priority: c.priority ? ['low_income'] : undefined,
      });
    case 'disease_report': {
      const diagnosedAt = new Date(ms - c.diagnosedMinutesBefore * 60_000).toISOString();
      const card = diseaseReport({
        ...common,
        action: c.cardAction,
        person: c.person,
        residence: c.residence,
        disease: c.disease,
        classification: c.classification,
        diagnosedAt,
      });
      const receivedAt = new Date(ms + c.receiptMinutesAfter * 60_000).toISOString();
      return { ...card, receivedAt, ...(c.firstReceipt ? {} : { firstReceivedAt: new Date(ms).toISOString() }) };
    }
  }
}

/** Random histories: each logical event has 1–3 versions (amendments may change anything but identity), maybe voided. */
export function histories(families: Family[], chronicDensity = false, minLength = 1) {
  const logical = fc.record({
    family: fc.constantFrom(...families),
    inst: fc.constantFrom(...INSTITUTIONS),
    versions: fc.array(content, { minLength: 1, maxLength: 3 }),
    voided: fc.boolean(),
    duplicates: fc.integer({ min: 0, max: 2 }),
  });
  return fc.array(logical, { minLength, maxLength: Math.max(40, minLength * 2) }).chain((events) => {
    const sent: CanonicalEvent[] = [];
    const finals: CanonicalEvent[] = [];
    events.forEach((l, i) => {
      let current = build(l.family, l.inst, `E${i}`, l.versions[0], chronicDensity);
      const versions = [current];
      for (const c of l.versions.slice(1)) {
        current = amend(current, { ...build(l.family, l.inst, `E${i}`, c, chronicDensity), version: current.version });
        versions.push(current);
      }
      if (l.voided && versions.length > 1) versions[versions.length - 1] = { ...versions[versions.length - 1], voided: true };
      sent.push(...versions);
      for (let d = 0; d < l.duplicates; d++) sent.push(versions[d % versions.length]); // retries
      const last = versions[versions.length - 1];
      if (!last.voided) finals.push(last);
    });
    return fc.shuffledSubarray(sent, { minLength: sent.length, maxLength: sent.length }).map((arrival) => ({ arrival, finals }));
  });
}
