import JSONSchemaValidator from '@asymmetrik/fhir-json-schema-validator';
import { CATALOGUE, findIndicator } from '@lib/indicators';
import { toBundle, toMeasure, toMeasureReport } from './fhir-resources';

/** Checked against the published FHIR R4 JSON schema (fhir.schema.json), not by hand. */
const validator = new JSONSchemaValidator();
const BASE = 'https://indicators.example.cn';

describe('FHIR R4 resources', () => {
  it.each(CATALOGUE.map((def) => [def.code, def]))('%s as a Measure is valid R4', (_code, def) => {
    expect(validator.validate(toMeasure(def, BASE))).toEqual([]);
  });

  it('a value as a MeasureReport carries numerator, denominator, score, period and subject', () => {
    const def = findIndicator('county_visit_rate')!;
    const report = toMeasureReport(def, BASE, '2024', {
      region: '610921', name: '汉阴县', isInstitution: false, numerator: 90, denominator: 100, value: 0.9, asOf: '2024-12-31T08:00:00.000Z',
    }, new Date('2025-03-01T00:00:00Z'));
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
    const report = toMeasureReport(def, BASE, '202611', {
      region: '610902-CH-001', name: '汉滨区人民医院', isInstitution: true, numerator: 180.5, denominator: null, value: null, asOf: null,
    }, new Date('2026-11-23T00:00:00Z'));
    expect(report.status).toBe('pending');
    expect(validator.validate(toBundle([toMeasure(def, BASE), report]))).toEqual([]);
  });

  it('the validator does reject a broken report (the check can fail)', () => {
    expect(validator.validate({ resourceType: 'MeasureReport', status: 'finished', period: { start: 'yesterday' } }).length).toBeGreaterThan(0);
  });
});
