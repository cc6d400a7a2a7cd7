import { CATALOGUE, findIndicator } from './catalogue';
import { validateCatalogue } from './validate-catalogue';
import { countyVisitRate } from './visit-indicators';

/** shared/CONTRACT.md "Indicator codes (v1)". */
const V1_CODES = [
  'county_visit_rate',
  'county_inpatient_rate',
  'primary_care_visit_share',
  'township_inpatient_share',
  'referrals_up',
  'referrals_down',
  'referral_down_up_ratio',
  'referral_completion_rate',
  'vaccination_coverage',
  'cervical_screening_coverage',
  'breast_screening_coverage',
  'newborn_screening_rate',
  'family_doctor_coverage',
  'family_doctor_priority_coverage',
  'home_visits',
  'hypertension_standard_management_rate',
  'diabetes_standard_management_rate',
  'smd_standard_management_rate',
  'hypertension_control_rate',
  'diabetes_control_rate',
  'outpatient_cost_growth',
  'inpatient_cost_growth',
  'tcm_prescription_share',
  'tcm_nondrug_share',
  'disease_cases',
  'disease_incidence',
  'report_timeliness_rate',
  'ili_percentage',
  'fever_clinic_visits',
];
/** Added in v1 beside the contract's codes (CONTRACT.md: "Add fields, endpoints and options freely"). */
const ADDED_CODES = ['fever_clinic_visits_growth'];

describe('indicator catalogue', () => {
  it('defines exactly the v1 codes and those added beside them', () => {
    expect(CATALOGUE.map((d) => d.code).sort()).toEqual([...V1_CODES, ...ADDED_CODES].sort());
  });

  it('is internally consistent', () => {
    expect(validateCatalogue(CATALOGUE)).toEqual([]);
  });

  it('has a Chinese name, an English name and a definition for every indicator', () => {
    for (const d of CATALOGUE) {
      expect(d.name).toMatch(/[\u4e00-\u9fff]/);
      expect(d.nameEn).toMatch(/^[A-Z]/);
      expect(d.definition.length).toBeGreaterThan(40);
    }
  });

  it('is plain data (serialisable for GET /v1/indicators)', () => {
    expect(JSON.parse(JSON.stringify(CATALOGUE))).toEqual(CATALOGUE);
    expect(findIndicator('county_visit_rate')).toBe(countyVisitRate);
    expect(findIndicator('nope')).toBeUndefined();
  });

  it('catches inconsistent definitions', () => {
    const broken = [
      countyVisitRate,
      { ...countyVisitRate, levels: ['institution', 'county', 'city', 'province'] },
      { ...countyVisitRate, code: 'x', counting: { ...countyVisitRate.counting, subject: { prefix: 'evt', by: ['eventId'] } } },
      {
        ...countyVisitRate,
        code: 'y',
        read: { kind: 'rate', numerator: { measure: 'sum', accumulate: 'period' }, denominator: { population: 'birth_cohort:{cohort}' } },
      },
    ] as never;
    const problems = validateCatalogue(broken);
    expect(problems).toEqual(
      expect.arrayContaining([
        'county_visit_rate: duplicate code',
        'county_visit_rate: levels must be county,city,province for attribution residence_county',
        'x: subject prefix evt is identified by institutionId,eventId elsewhere',
        'y: reads measure sum that is never stored',
        'y: population placeholder {cohort} is not a dimension',
      ]),
    );
  });
});
