import { IndicatorDefinition } from '../indicator.types';
import { ALL_PERIODS, COUNTY_AND_UP, MIN_DENOMINATOR, SUBJECTS } from './shared';

const CONDITION_NAMES = {
  hypertension: ['高血压', 'Hypertension'],
  diabetes: ['糖尿病', 'Type 2 diabetes'],
  smd: ['严重精神障碍', 'Severe mental disorder'],
} as const;

/** 规范管理率: ≥ 4 face-to-face follow-ups in the year (国家基本公共卫生服务规范 第三版). */
function standardManagement(condition: keyof typeof CONDITION_NAMES): IndicatorDefinition {
  const [zh, en] = CONDITION_NAMES[condition];
  return {
    code: `${condition}_standard_management_rate`,
    name: `${zh}患者规范管理率`,
    nameEn: `${en} standard management rate`,
    unit: 'percent',
    higherIsBetter: true,
    definition:
      `P 末前已登记的本县${zh}患者中，P 所在年份内截至 P 末已面对面随访至少4次的人数 / P 末前已登记的患者数。` +
      ` Registered patients = distinct residents of C with a ${condition} registration on or before the end of P; numerator = those of them with at least 4 follow-ups dated within P's year up to the end of P. Region: the registration's residence.`,
    attribution: 'residence_county',
    levels: COUNTY_AND_UP,
    periods: ALL_PERIODS,
    dimensions: [],
    counting: {
      kind: 'registered_with_followups',
      subject: SUBJECTS.chronic,
      source: { type: 'chronic_followup', condition },
      registration: { action: 'registration' },
      followup: { action: 'followup' },
      minFollowups: 4,
    },
    read: { kind: 'rate', numerator: { measure: 'numerator', accumulate: 'year_to_date' }, denominator: { measure: 'denominator', accumulate: 'to_date' } },
    minDenominator: MIN_DENOMINATOR.persons,
  };
}

/** 血压/血糖控制率: judged on the last follow-up in P; a follow-up without `controlled` counts as not controlled. */
function controlRate(condition: 'hypertension' | 'diabetes', name: string, nameEn: string): IndicatorDefinition {
  return {
    code: `${condition}_control_rate`,
    name,
    nameEn,
    unit: 'percent',
    higherIsBetter: true,
    definition:
      `P 内至少随访一次的本县${CONDITION_NAMES[condition][0]}患者中，P 内最后一次随访为控制满意的人数 / P 内至少随访一次的患者数。` +
      ` Of the patients resident in C with at least one ${condition} follow-up in P, those whose last follow-up in P was controlled. Region: residence on that last follow-up.`,
    attribution: 'residence_county',
    levels: COUNTY_AND_UP,
    periods: ALL_PERIODS,
    dimensions: [],
    counting: {
      kind: 'distinct_per_period',
      subject: SUBJECTS.chronic,
      source: { type: 'chronic_followup', condition, action: 'followup' },
      pick: 'last',
      measures: { numerator: { where: { controlled: true } }, denominator: {} },
    },
    read: { kind: 'rate', numerator: { measure: 'numerator', accumulate: 'period' }, denominator: { measure: 'denominator', accumulate: 'period' } },
    minDenominator: MIN_DENOMINATOR.persons,
  };
}

export const hypertensionStandardManagementRate = standardManagement('hypertension');
export const diabetesStandardManagementRate = standardManagement('diabetes');
export const smdStandardManagementRate = standardManagement('smd');
export const hypertensionControlRate = controlRate('hypertension', '血压控制率', 'Blood pressure control rate');
export const diabetesControlRate = controlRate('diabetes', '血糖控制率', 'Blood glucose control rate');

export const CHRONIC_INDICATORS = [
  hypertensionStandardManagementRate,
  diabetesStandardManagementRate,
  smdStandardManagementRate,
  hypertensionControlRate,
  diabetesControlRate,
];
