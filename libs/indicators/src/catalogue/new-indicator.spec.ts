import { IndicatorDefinition } from '../indicator.types';
import { CATALOGUE } from './catalogue';
import { validateCatalogue } from './validate-catalogue';
import { amend, Harness, screening, visit, voidOf } from '../testing/event-builders';
import { SUBJECTS } from './shared';

/**
 * Adding an indicator is adding a definition: these two are defined here, in the test, and run
 * through the same store, roll-up and read helpers as the catalogue — no engine change.
 */
const emergencyVisitsAtCountyHospitals: IndicatorDefinition = {
  code: 'county_hospital_emergency_visits',
  name: '县级医院急诊人次',
  nameEn: 'Emergency visits at county hospitals',
  unit: 'count',
  higherIsBetter: null,
  definition: 'P 内县级医院（级别3）的急诊人次。 Emergency visits in P at level-3 institutions, by institution and county.',
  attribution: 'institution',
  levels: ['institution', 'county', 'city', 'province'],
  periods: ['day', 'month', 'quarter', 'year'],
  dimensions: [],
  counting: { kind: 'each_event', subject: SUBJECTS.event, source: { type: 'visit', action: 'emergency', institutionLevel: 3 }, measures: { value: {} } },
  read: { kind: 'count', value: { measure: 'value', accumulate: 'period' } },
  minDenominator: 10,
};

/** Lung-function screening of residents 40+, disaggregated by result, over the 65+ population (a made-up but plausible definition). */
const lungFunctionScreening: IndicatorDefinition = {
  code: 'lung_function_screening_coverage',
  name: '肺功能筛查覆盖率',
  nameEn: 'Lung function screening coverage',
  unit: 'percent',
  higherIsBetter: true,
  definition: 'P 内接受肺功能筛查的40岁以上居民数（去重）/ age_65_plus。 Distinct residents aged 40+ screened for lung function in P, over age_65_plus.',
  attribution: 'residence_county',
  levels: ['county', 'city', 'province'],
  periods: ['month', 'year'],
  dimensions: ['result'],
  counting: {
    kind: 'distinct_per_period',
    subject: SUBJECTS.screening,
    source: { type: 'screening', programme: 'lung_function', ageYears: { min: 40 } },
    pick: 'last',
    measures: { numerator: {} },
  },
  read: { kind: 'rate', numerator: { measure: 'numerator', accumulate: 'period' }, denominator: { population: 'age_65_plus' } },
  minDenominator: 100,
};

describe('a new indicator is a new definition', () => {
  const catalogue = [...CATALOGUE, emergencyVisitsAtCountyHospitals, lungFunctionScreening];

  it('passes catalogue validation', () => {
    expect(validateCatalogue(catalogue)).toEqual([]);
  });

  it('counts emergency visits at county hospitals, with amendments', () => {
    const e = visit({ inst: 'hanyinCounty', action: 'emergency', at: '2024-03-05T10:00:00+08:00' });
    const h = new Harness(catalogue).send(
      e,
      visit({ inst: 'hanbinCounty', action: 'emergency', at: '2024-03-05T10:00:00+08:00' }),
      visit({ inst: 'hanyinTownship', action: 'emergency', at: '2024-03-05T10:00:00+08:00' }), // level 2
      visit({ inst: 'hanyinCounty', action: 'outpatient', at: '2024-03-05T10:00:00+08:00' }),
    );
    expect(h.read('county_hospital_emergency_visits', '202403', 'city', '610900').value).toBe(2);
    h.send(amend(e, { action: 'outpatient' }));
    expect(h.read('county_hospital_emergency_visits', '202403', 'county', '610921').value).toBe(0);
    expect(h.read('county_hospital_emergency_visits', '202403', 'county', '610902').value).toBe(1);
    // The catalogue indicators keep working next to it.
    expect(h.read('primary_care_visit_share', '202403', 'county', '610921')).toEqual({ numerator: 1, denominator: 3, value: 1 / 3 });
  });

  it('counts distinct screened residents per result of their last screening in P', () => {
    const first = screening({
      inst: 'hanyinCounty',
      person: 'x',
      programme: 'lung_function',
      sex: 'M',
      birthDate: '1970-01-01',
      at: '2024-03-05T10:00:00+08:00',
    });
    const h = new Harness(catalogue).send(
      first,
      screening({ inst: 'hanyinCounty', person: 'x', programme: 'lung_function', sex: 'M', birthDate: '1970-01-01', at: '2024-03-06T10:00:00+08:00' }),
      screening({ inst: 'hanyinCounty', person: 'y', programme: 'lung_function', sex: 'F', birthDate: '1990-01-01', at: '2024-03-06T10:00:00+08:00' }), // 34
    );
    const population = (group: string) => (group === 'age_65_plus' ? 20 : undefined);
    expect(h.read('lung_function_screening_coverage', '2024', 'county', '610921', { dims: 'result=normal', population })).toEqual({
      numerator: 1,
      denominator: 20,
      value: 0.05,
    });
    expect(() => h.read('lung_function_screening_coverage', '2024Q1', 'county', '610921')).toThrow(/not read at quarter/);
    h.send(voidOf(first));
    expect(h.read('lung_function_screening_coverage', '202403', 'county', '610921', { dims: 'result=normal' }).numerator).toBe(1);
  });
});
