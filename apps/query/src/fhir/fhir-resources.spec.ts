import JSONSchemaValidator from '@asymmetrik/fhir-json-schema-validator';
import { CATALOGUE, findIndicator } from '@lib/indicators';
import { measureReportId, toBundle, toMeasure, toMeasureReport } from './fhir-resources';

/** Checked against the published FHIR R4 JSON schema (fhir.schema.json), not by hand. */
const validator = new JSONSchemaValidator();
const BASE = 'https://indicators.example.cn';

describe('FHIR R4 resources', () => {
  it.each(CATALOGUE.map((def) => [def.code, def]))('%s as a Measure is valid R4', (_code, def) => {
    expect(validator.validate(toMeasure(def, BASE))).toEqual([]);
  });

  it('a value as a MeasureReport carries numerator, denominator, score, period and subject', () => {
    const def = findIndicator('county_visit_rate')!;
    const report = toMeasureReport(
      def,
      BASE,
      '2024',
      {
        region: '610921',
        name: '汉阴县',
        isInstitution: false,
        numerator: 90,
        denominator: 100,
        value: 0.9,
        asOf: '2024-12-31T08:00:00.000Z',
        dims: '',
      },
      new Date('2025-03-01T00:00:00Z'),
    );
    expect(validator.validate(report)).toEqual([]);
    expect(report).toMatchObject({
      status: 'complete',
      period: { start: '2024-01-01', end: '2024-12-31' },
      subject: { identifier: { value: '610921' }, display: '汉阴县' },
      group: [{ measureScore: { value: 0.9 }, population: [{ count: 90 }, { count: 100 }] }],
    });
  });

  it('a period in progress is pending; a value without denominator has no score; bundles validate', () => {
    const def = findIndicator('outpatient_cost_growth')!;
    const report = toMeasureReport(
      def,
      BASE,
      '202611',
      {
        region: '610902-CH-001',
        name: '汉滨区人民医院',
        isInstitution: true,
        numerator: 180.5,
        denominator: null,
        value: null,
        asOf: null,
        dims: '',
      },
      new Date('2026-11-23T00:00:00Z'),
    );
    expect(report.status).toBe('pending');
    expect(validator.validate(toBundle([toMeasure(def, BASE), report]))).toEqual([]);
    // Nothing to say (no counts, no score): no group at all rather than "group": [{}].
    expect(report).not.toHaveProperty('group');
    expect(JSON.stringify(report)).not.toContain('{}');
  });

  it('a period that has not ended is pending, also one that has not begun', () => {
    const def = findIndicator('county_visit_rate')!;
    const value = { region: '610921', name: '汉阴县', isInstitution: false, numerator: 0, denominator: 0, value: null, asOf: null, dims: '' };
    const at = new Date('2026-11-23T00:00:00Z');
    expect(toMeasureReport(def, BASE, '202612', value, at).status).toBe('pending');
    expect(toMeasureReport(def, BASE, '2027', value, at).status).toBe('pending');
    expect(toMeasureReport(def, BASE, '202610', value, at).status).toBe('complete');
  });

  it('a disaggregated value is one report per selection: its own id and a stratum naming vaccine, dose and cohort', () => {
    const def = findIndicator('vaccination_coverage')!;
    const report = (dims: string, region = '610921') =>
      toMeasureReport(
        def,
        BASE,
        '2024',
        {
          region,
          name: '汉阴县',
          isInstitution: false,
          numerator: 950,
          denominator: 1000,
          value: 0.95,
          asOf: null,
          dims,
        },
        new Date('2025-03-01T00:00:00Z'),
      );
    const hepB1 = report('cohort=2023;dose=1;vaccine=HepB');
    const dtap3 = report('cohort=2023;dose=3;vaccine=DTaP');
    expect(hepB1.id).toBe('vaccination-coverage-610921-2024-vaccine-HepB-dose-1-cohort-2023');
    expect(dtap3.id).toBe('vaccination-coverage-610921-2024-vaccine-DTaP-dose-3-cohort-2023');
    expect(hepB1.group?.[0].stratifier?.[0].stratum[0]).toMatchObject({
      component: [{ value: { text: 'HepB' } }, { value: { text: '1' } }, { value: { text: '2023' } }],
      measureScore: { value: 0.95 },
    });
    expect(validator.validate(toBundle([toMeasure(def, BASE), hepB1, dtap3]))).toEqual([]);
  });

  it('report ids fit FHIR (64 characters) and stay distinct when shortened', () => {
    const a = measureReportId('vaccination_coverage', '610921-THC-001', '20240315', 'cohort=2023;dose=1;vaccine=HepB');
    const b = measureReportId('vaccination_coverage', '610921-THC-001', '20240315', 'cohort=2023;dose=3;vaccine=HepB');
    expect(a).toMatch(/^[A-Za-z0-9-.]{1,64}$/);
    expect(a).not.toBe(b);
    expect(measureReportId('county_visit_rate', '610921', '2024', '')).toBe('county-visit-rate-610921-2024');
  });

  it('the validator does reject a broken report (the check can fail)', () => {
    expect(validator.validate({ resourceType: 'MeasureReport', status: 'finished', period: { start: 'yesterday' } }).length).toBeGreaterThan(0);
  });
});
