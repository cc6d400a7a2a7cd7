import { IndicatorDefinition } from '../indicator.types';
import { ALL_PERIODS, INSTITUTION_AND_UP, MIN_DENOMINATOR, SUBJECTS } from './shared';

/**
 * 次均费用增幅. Counters keep the cost sum in fen and the number of visits with a cost; the growth
 * is computed at read time against the same period a year earlier. Visits without a cost are left
 * out of both so they cannot pull the mean down.
 */
function costGrowth(action: 'outpatient' | 'admission', code: string, name: string, nameEn: string, per: string): IndicatorDefinition {
  const withCost = { costFen: { min: 0 } };
  return {
    code,
    name,
    nameEn,
    unit: 'percent',
    higherIsBetter: false,
    definition:
      `县域内机构 P 内${per}次均费用 / 上年同期次均费用 − 1。` +
      ` Mean cost per ${action === 'outpatient' ? 'outpatient visit' : 'admission'} at institutions in C in P, over the same in the same period a year earlier, minus one (visits without a cost are excluded). A period in progress is compared with the same elapsed days a year earlier.`,
    attribution: 'institution',
    levels: INSTITUTION_AND_UP,
    periods: ALL_PERIODS,
    dimensions: [],
    counting: {
      kind: 'each_event',
      subject: SUBJECTS.event,
      source: { type: 'visit', action },
      measures: { sum: { where: withCost, add: 'costFen' }, count: { where: withCost } },
    },
    read: { kind: 'mean_growth', sum: 'sum', count: 'count' },
    // Both means (this period's and the baseline's) must rest on this many visits or admissions.
    minDenominator: action === 'outpatient' ? MIN_DENOMINATOR.visits : MIN_DENOMINATOR.admissions,
  };
}

/** 门诊次均费用增幅 */
export const outpatientCostGrowth = costGrowth('outpatient', 'outpatient_cost_growth', '门诊次均费用增幅', 'Outpatient cost per visit growth', '门诊');
/** 住院次均费用增幅 */
export const inpatientCostGrowth = costGrowth('admission', 'inpatient_cost_growth', '住院次均费用增幅', 'Inpatient cost per admission growth', '住院');

function tcmShare(fact: 'tcmPrescription' | 'tcmNonDrugTherapy', code: string, name: string, nameEn: string, what: string): IndicatorDefinition {
  return {
    code,
    name,
    nameEn,
    unit: 'percent',
    higherIsBetter: true,
    definition: `P 内${what}的门诊人次 / P 内门诊人次，按机构及其所在县统计。 Outpatient visits in P with ${fact}, over outpatient visits in P, per institution and by the institution's county.`,
    attribution: 'institution',
    levels: INSTITUTION_AND_UP,
    periods: ALL_PERIODS,
    dimensions: [],
    counting: {
      kind: 'each_event',
      subject: SUBJECTS.event,
      source: { type: 'visit', action: 'outpatient' },
      measures: { numerator: { where: { [fact]: true } }, denominator: {} },
    },
    read: { kind: 'rate', numerator: { measure: 'numerator', accumulate: 'period' }, denominator: { measure: 'denominator', accumulate: 'period' } },
    minDenominator: MIN_DENOMINATOR.visits,
  };
}

/** 中医药处方占比 */
export const tcmPrescriptionShare = tcmShare('tcmPrescription', 'tcm_prescription_share', '中医药处方占比', 'TCM prescription share', '开具中医药处方');
/** 中医非药物疗法比例 */
export const tcmNondrugShare = tcmShare('tcmNonDrugTherapy', 'tcm_nondrug_share', '中医非药物疗法比例', 'TCM non-drug therapy share', '使用中医非药物疗法');

export const SERVICE_QUALITY_INDICATORS = [outpatientCostGrowth, inpatientCostGrowth, tcmPrescriptionShare, tcmNondrugShare];
