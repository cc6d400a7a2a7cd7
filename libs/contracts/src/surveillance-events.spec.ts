import { EXAMPLE_EVENTS, exampleValidationContext } from './examples';
import { DISEASE_CODES, isClassAManaged, NOTIFIABLE_DISEASES, notifiableDisease } from './notifiable-diseases';
import { RejectionCode } from './rejection-codes';
import { validateEvent } from './validate-event';

type Json = Record<string, any>;
const ctx = exampleValidationContext();
const report = (change: (e: Json) => void = () => undefined): Json => {
  const event = JSON.parse(JSON.stringify(EXAMPLE_EVENTS.disease_report[0]));
  change(event);
  return event;
};
const count = (change: (e: Json) => void = () => undefined): Json => {
  const event = JSON.parse(JSON.stringify(EXAMPLE_EVENTS.syndromic_count[0]));
  change(event);
  return event;
};
function errorsOf(input: unknown): Array<{ path: string; code: RejectionCode }> {
  const result = validateEvent(input, ctx);
  return result.ok ? [] : result.errors.map(({ path, code }) => ({ path, code }));
}

describe('the notifiable-disease list', () => {
  it('has 2 甲类, 29 乙类 (pulmonary anthrax apart) and 11 丙类 codes, each once', () => {
    const byClass = (c: string) => NOTIFIABLE_DISEASES.filter((d) => d.class === c).length;
    expect([byClass('A'), byClass('B'), byClass('C')]).toEqual([2, 34, 11]);
    expect(new Set(DISEASE_CODES).size).toBe(DISEASE_CODES.length);
  });

  it('knows every code the contract names, with its class', () => {
    const named = {
      cholera: 'A',
      measles: 'B',
      hfmd: 'C',
      influenza: 'C',
      covid19: 'B',
      dengue: 'B',
      pertussis: 'B',
      scarlet_fever: 'B',
      mumps: 'C',
      infectious_diarrhoea: 'C',
    };
    for (const [code, diseaseClass] of Object.entries(named)) expect(notifiableDisease(code)?.class).toBe(diseaseClass);
  });

  it('gives 甲类 and 乙类甲管 a 2-hour limit and a first-case alert, every other disease 24 hours', () => {
    const urgent = NOTIFIABLE_DISEASES.filter((d) => d.reportWithinHours === 2)
      .map((d) => d.code)
      .sort();
    expect(urgent).toEqual(['cholera', 'plague', 'pulmonary_anthrax', 'sars']);
    expect(urgent.every(isClassAManaged)).toBe(true);
    expect(isClassAManaged('measles')).toBe(false);
    expect(isClassAManaged('not_a_disease')).toBe(false);
  });
});

describe('validateEvent: disease_report', () => {
  it.each([
    ['an unknown disease', report((e) => (e.disease = 'flu')), 'disease', 'unknown_code'],
    ['an unknown classification', report((e) => (e.classification = 'probable')), 'classification', 'unknown_code'],
    ['no diagnosis time', report((e) => delete e.diagnosedAt), 'diagnosedAt', 'missing_field'],
    ['a diagnosis time without offset', report((e) => (e.diagnosedAt = '2024-03-18T09:40:00')), 'diagnosedAt', 'invalid_timestamp'],
    ['an impossible onset date', report((e) => (e.onsetDate = '2024-02-30')), 'onsetDate', 'invalid_timestamp'],
    ['a patient without residence', report((e) => delete e.person.residenceRegion), 'person.residenceRegion', 'missing_field'],
    ['a diagnosis after the card', report((e) => (e.diagnosedAt = '2024-03-18T10:21:00+08:00')), 'diagnosedAt', 'invalid_value'],
    ['an onset after the diagnosis day', report((e) => (e.onsetDate = '2024-03-19')), 'onsetDate', 'invalid_value'],
    ['a diagnosis in the future', report((e) => (e.diagnosedAt = '2024-03-21T09:00:00+08:00')), 'diagnosedAt', 'future_timestamp'],
    ['an onset in the future', report((e) => (e.onsetDate = '2024-03-22')), 'onsetDate', 'future_timestamp'],
    ['an unknown action', report((e) => (e.action = 'confirmed')), 'action', 'unknown_action'],
  ])('rejects %s', (_name, input, path, code) => {
    expect(errorsOf(input)).toEqual([{ path, code }]);
  });

  it('compares onset with the diagnosis day in China Standard Time, whatever offset the sender wrote', () => {
    // 2024-03-17T16:30Z is 00:30 on 18 March in CST: an onset on the 18th is the diagnosis day, not after it.
    expect(errorsOf(report((e) => ((e.onsetDate = '2024-03-18'), (e.diagnosedAt = '2024-03-17T16:30:00Z'))))).toEqual([]);
  });

  it('accepts a deletion with only the envelope, and checks what a deletion does carry', () => {
    const deletion = {
      eventId: 'NNDRS-CH001-2024-0051',
      version: 3,
      type: 'disease_report',
      action: 'deleted',
      institutionId: '610921-CH-001',
      occurredAt: '2024-03-18T10:20:00+08:00',
    };
    expect(errorsOf(deletion)).toEqual([]);
    expect(errorsOf({ ...deletion, disease: 'flu' })).toEqual([{ path: 'disease', code: 'unknown_code' }]);
  });

  it('requires the card on a revision', () => {
    expect(errorsOf(report((e) => ((e.action = 'revised'), (e.version = 2), delete e.disease)))).toEqual([{ path: 'disease', code: 'missing_field' }]);
  });

  it('never repeats the patient’s ID number in an error', () => {
    const result = validateEvent(
      report((e) => (e.person.id = e.person.id.slice(0, 17) + '0')),
      ctx,
    );
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain(EXAMPLE_EVENTS.disease_report[0].person!.id.slice(0, 17));
  });
});

describe('validateEvent: syndromic_count', () => {
  it.each([
    ['a person', count((e) => (e.person = { id: '610921199001011234', residenceRegion: '610921' })), 'person', 'unknown_field'],
    ['a negative count', count((e) => (e.iliCases = -1)), 'iliCases', 'invalid_value'],
    ['a fractional count', count((e) => (e.feverClinicVisits = 1.5)), 'feverClinicVisits', 'invalid_value'],
    ['a count as a string', count((e) => (e.outpatientVisits = '1260')), 'outpatientVisits', 'invalid_type'],
    ['no date', count((e) => delete e.date), 'date', 'missing_field'],
    ['an instant on another day than the one counted', count((e) => (e.occurredAt = '2024-03-20T08:00:00+08:00')), 'occurredAt', 'invalid_value'],
    ['more ILI cases than outpatient visits', count((e) => (e.iliCases = 1261)), 'iliCases', 'invalid_value'],
    ['more fever-clinic visits than outpatient visits', count((e) => (e.feverClinicVisits = 1261)), 'feverClinicVisits', 'invalid_value'],
    ['an unknown action', count((e) => (e.action = 'weekly')), 'action', 'unknown_action'],
  ])('rejects %s', (_name, input, path, code) => {
    expect(errorsOf(input)).toEqual([{ path, code }]);
  });

  it('reads the day counted in China Standard Time (23:59 CST on the 19th is 15:59Z)', () => {
    expect(errorsOf(count((e) => (e.occurredAt = '2024-03-19T15:59:00Z')))).toEqual([]);
    expect(errorsOf(count((e) => (e.occurredAt = '2024-03-19T16:00:00Z')))).toEqual([{ path: 'occurredAt', code: 'invalid_value' }]);
  });

  it('accepts a day with no visits at all', () => {
    expect(errorsOf(count((e) => ((e.feverClinicVisits = 0), (e.iliCases = 0), (e.outpatientVisits = 0))))).toEqual([]);
  });
});
