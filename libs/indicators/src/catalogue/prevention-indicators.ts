import { IndicatorDefinition } from '../indicator.types';
import { ALL_PERIODS, COUNTY_AND_UP, MIN_DENOMINATOR, SUBJECTS } from './shared';

/** 免疫规划疫苗接种率 — cohort coverage, cumulative: a dose given in 2023 still covers the child in 2024. */
export const vaccinationCoverage: IndicatorDefinition = {
  code: 'vaccination_coverage',
  name: '免疫规划疫苗接种率',
  nameEn: 'Vaccination coverage (national immunisation programme)',
  unit: 'percent',
  higherIsBetter: true,
  definition:
    '按疫苗、剂次和出生队列：P 结束前已接种该剂次的本县户籍/常住该出生年儿童数（去重）/ 该县上传的 birth_cohort:<年> 人口。' +
    ' Per vaccine, dose and cohort (birth year): distinct children of that birth year resident in C who received that dose on or before the end of P, over the uploaded population birth_cohort:<year> of C.',
  attribution: 'residence_county',
  levels: COUNTY_AND_UP,
  periods: ALL_PERIODS,
  dimensions: ['vaccine', 'dose', 'cohort'],
  counting: { kind: 'first_ever', subject: SUBJECTS.vaccination, source: { type: 'vaccination', action: 'dose' }, measures: { numerator: {} } },
  read: { kind: 'rate', numerator: { measure: 'numerator', accumulate: 'to_date' }, denominator: { population: 'birth_cohort:{cohort}' } },
  minDenominator: MIN_DENOMINATOR.persons,
};

function twoCancer(programme: 'cervical' | 'breast', name: string, nameEn: string): IndicatorDefinition {
  return {
    code: `${programme}_screening_coverage`,
    name,
    nameEn,
    unit: 'percent',
    higherIsBetter: true,
    definition:
      `P 内接受${name.replace('覆盖率', '')}的35–64岁（筛查当日年龄）本县女性人数（去重）/ 该县 P 所在年份的 women_35_64 人口。` +
      ` Distinct women resident in C, aged 35–64 on the screening date, screened (${programme}) in P, over the population women_35_64 of C for P's year.`,
    attribution: 'residence_county',
    levels: COUNTY_AND_UP,
    periods: ALL_PERIODS,
    dimensions: [],
    counting: {
      kind: 'distinct_per_period',
      subject: SUBJECTS.screening,
      source: { type: 'screening', programme, sex: 'F', ageYears: { min: 35, max: 64 } },
      pick: 'first',
      measures: { numerator: {} },
    },
    read: { kind: 'rate', numerator: { measure: 'numerator', accumulate: 'period' }, denominator: { population: 'women_35_64' } },
    minDenominator: MIN_DENOMINATOR.populations,
  };
}

/** 宫颈癌筛查覆盖率 (两癌) */
export const cervicalScreeningCoverage = twoCancer('cervical', '宫颈癌筛查覆盖率', 'Cervical cancer screening coverage');
/** 乳腺癌筛查覆盖率 (两癌) */
export const breastScreeningCoverage = twoCancer('breast', '乳腺癌筛查覆盖率', 'Breast cancer screening coverage');

/** 新生儿疾病筛查率 */
export const newbornScreeningRate: IndicatorDefinition = {
  code: 'newborn_screening_rate',
  name: '新生儿疾病筛查率',
  nameEn: 'Newborn disease screening rate',
  unit: 'percent',
  higherIsBetter: true,
  definition:
    "P 内接受新生儿疾病筛查的本县新生儿数（去重）/ 该县 P 所在年份的 live_births。 Distinct newborns resident in C screened in P, over live_births of C for P's year.",
  attribution: 'residence_county',
  levels: COUNTY_AND_UP,
  periods: ALL_PERIODS,
  dimensions: [],
  counting: {
    kind: 'distinct_per_period',
    subject: SUBJECTS.screening,
    source: { type: 'screening', programme: 'newborn' },
    pick: 'first',
    measures: { numerator: {} },
  },
  read: { kind: 'rate', numerator: { measure: 'numerator', accumulate: 'period' }, denominator: { population: 'live_births' } },
  minDenominator: MIN_DENOMINATOR.persons,
};

export const PREVENTION_INDICATORS = [vaccinationCoverage, cervicalScreeningCoverage, breastScreeningCoverage, newbornScreeningRate];
