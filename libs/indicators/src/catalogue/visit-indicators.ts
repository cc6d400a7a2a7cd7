import { IndicatorDefinition } from '../indicator.types';
import { ALL_PERIODS, COUNTY_AND_UP, MIN_DENOMINATOR, SUBJECTS, VISIT_ACTIONS } from './shared';

const rateOfPeriod = {
  kind: 'rate',
  numerator: { measure: 'numerator', accumulate: 'period' },
  denominator: { measure: 'denominator', accumulate: 'period' },
} as const;

/** 县域就诊率 */
export const countyVisitRate: IndicatorDefinition = {
  code: 'county_visit_rate',
  name: '县域就诊率',
  nameEn: 'County visit rate',
  unit: 'percent',
  higherIsBetter: true,
  definition:
    '县域居民在本县域内医疗机构的就诊人次 / 县域居民在所有上报机构（含医保结算的网外机构）的就诊人次；就诊 = 门诊、急诊、入院，出院不另计。' +
    ' Visits in P by residents of C at institutions located in C, over all visits in P by residents of C wherever reported; a visit is an outpatient, emergency or admission event (a discharge is not a visit).',
  attribution: 'residence_county',
  levels: COUNTY_AND_UP,
  periods: ALL_PERIODS,
  dimensions: [],
  counting: {
    kind: 'each_event',
    subject: SUBJECTS.event,
    source: { type: 'visit', action: VISIT_ACTIONS },
    measures: { numerator: { where: { inResidenceCounty: true } }, denominator: {} },
  },
  read: rateOfPeriod,
  minDenominator: MIN_DENOMINATOR.visits,
};

/** 县域内住院率 */
export const countyInpatientRate: IndicatorDefinition = {
  ...countyVisitRate,
  code: 'county_inpatient_rate',
  name: '县域内住院率',
  nameEn: 'County inpatient rate',
  definition:
    '县域居民在本县域内医疗机构的住院（入院）人次 / 县域居民的全部住院人次。' +
    ' Admissions in P of residents of C at institutions located in C, over all admissions in P of residents of C.',
  counting: {
    kind: 'each_event',
    subject: SUBJECTS.event,
    source: { type: 'visit', action: 'admission' },
    measures: { numerator: { where: { inResidenceCounty: true } }, denominator: {} },
  },
  minDenominator: MIN_DENOMINATOR.admissions,
};

/** 镇卫生院住院率 — township health centres only (乡镇卫生院); urban community centres are not 镇卫生院. */
export const townshipInpatientShare: IndicatorDefinition = {
  ...countyVisitRate,
  code: 'township_inpatient_share',
  name: '镇卫生院住院率',
  nameEn: 'Township health centre inpatient share',
  definition:
    '县域居民在本县域乡镇卫生院的入院人次 / 县域居民的全部入院人次。' +
    ' Admissions in P of residents of C at township health centres located in C, over all admissions in P of residents of C.',
  counting: {
    kind: 'each_event',
    subject: SUBJECTS.event,
    source: { type: 'visit', action: 'admission' },
    measures: { numerator: { where: { inResidenceCounty: true, institutionType: 'township_health_center' } }, denominator: {} },
  },
  minDenominator: MIN_DENOMINATOR.admissions,
};

/** 基层就诊率 — by where the care was given, not where the patient lives. */
export const primaryCareVisitShare: IndicatorDefinition = {
  code: 'primary_care_visit_share',
  name: '基层就诊率',
  nameEn: 'Primary care visit share',
  unit: 'percent',
  higherIsBetter: true,
  definition:
    '县域内基层医疗卫生机构（村卫生室、乡镇卫生院、社区卫生服务中心/站，级别1–2）的门急诊人次 / 县域内所有机构的门急诊人次。' +
    ' Outpatient and emergency visits in P at primary-care institutions (care levels 1–2) located in C, over outpatient and emergency visits in P at all institutions located in C.',
  attribution: 'institution_county',
  levels: COUNTY_AND_UP,
  periods: ALL_PERIODS,
  dimensions: [],
  counting: {
    kind: 'each_event',
    subject: SUBJECTS.event,
    source: { type: 'visit', action: ['outpatient', 'emergency'] },
    measures: { numerator: { where: { institutionLevel: [1, 2] } }, denominator: {} },
  },
  read: rateOfPeriod,
  minDenominator: MIN_DENOMINATOR.visits,
};

export const VISIT_INDICATORS = [countyVisitRate, countyInpatientRate, townshipInpatientShare, primaryCareVisitShare];
