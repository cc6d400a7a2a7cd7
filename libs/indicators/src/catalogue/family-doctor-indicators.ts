import { IndicatorDefinition } from '../indicator.types';
import { ALL_PERIODS, COUNTY_AND_UP, INSTITUTION_AND_UP, MIN_DENOMINATOR, SUBJECTS } from './shared';

const CONTRACT_EVENTS = { type: 'family_doctor', action: ['contract_signed', 'contract_renewed', 'contract_cancelled'] } as const;
const SIGNING = { action: ['contract_signed', 'contract_renewed'] } as const;

/** 家庭医生签约服务覆盖率 — status at the end of P, not activity in P. */
export const familyDoctorCoverage: IndicatorDefinition = {
  code: 'family_doctor_coverage',
  name: '家庭医生签约服务覆盖率',
  nameEn: 'Family-doctor contract coverage',
  unit: 'percent',
  higherIsBetter: true,
  definition:
    'P 末最近一次签约事件为签约或续约且在 P 末之前365天内的本县居民数 / residents 人口。' +
    ' Distinct residents of C whose latest contract event on or before the end of P is a signing or renewal within the 365 days before the end of P, over the population `residents` of C.',
  attribution: 'residence_county',
  levels: COUNTY_AND_UP,
  periods: ALL_PERIODS,
  dimensions: [],
  counting: { kind: 'active_interval', subject: SUBJECTS.familyDoctor, source: CONTRACT_EVENTS, starts: SIGNING, validDays: 365, measures: { numerator: {} } },
  read: { kind: 'rate', numerator: { measure: 'numerator', accumulate: 'to_date' }, denominator: { population: 'residents' } },
  minDenominator: MIN_DENOMINATOR.populations,
};

/**
 * 重点人群签约覆盖率. A resident counts as priority when the signing/renewal that is current lists any
 * priority group (65+, hypertension, diabetes, SMD, low-income). Denominator: population group
 * `priority_residents` (a new group bureaus upload alongside `residents`; documented in the report).
 */
export const familyDoctorPriorityCoverage: IndicatorDefinition = {
  ...familyDoctorCoverage,
  code: 'family_doctor_priority_coverage',
  name: '重点人群家庭医生签约覆盖率',
  nameEn: 'Family-doctor contract coverage of priority groups',
  definition:
    '同签约覆盖率，但只计当前签约记录含重点人群标识（65岁以上、高血压、糖尿病、严重精神障碍、脱贫/低收入）的居民 / priority_residents 人口。' +
    ' As family_doctor_coverage, counting only residents whose current signing or renewal lists any priority group, over the population `priority_residents` of C.',
  counting: {
    kind: 'active_interval',
    subject: SUBJECTS.familyDoctor,
    source: CONTRACT_EVENTS,
    starts: SIGNING,
    validDays: 365,
    measures: { numerator: { where: { priority: true } } },
  },
  read: { kind: 'rate', numerator: { measure: 'numerator', accumulate: 'to_date' }, denominator: { population: 'priority_residents' } },
};

/** 上门服务 */
export const homeVisits: IndicatorDefinition = {
  code: 'home_visits',
  name: '上门服务人次',
  nameEn: 'Home visits',
  unit: 'count',
  higherIsBetter: true,
  definition:
    'P 内家庭医生团队提供的上门服务次数，按提供服务的机构（及其所在县）统计。 Family-doctor `service` events of kind `home_visit` in P, by the institution (and its county).',
  attribution: 'institution',
  levels: INSTITUTION_AND_UP,
  periods: ALL_PERIODS,
  dimensions: [],
  counting: {
    kind: 'each_event',
    subject: SUBJECTS.event,
    source: { type: 'family_doctor', action: 'service', serviceKind: 'home_visit' },
    measures: { value: {} },
  },
  read: { kind: 'count', value: { measure: 'value', accumulate: 'period' } },
  minDenominator: MIN_DENOMINATOR.services,
};

export const FAMILY_DOCTOR_INDICATORS = [familyDoctorCoverage, familyDoctorPriorityCoverage, homeVisits];
