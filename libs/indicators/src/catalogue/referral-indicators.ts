import { CountingRule, IndicatorDefinition } from '../indicator.types';
import { ALL_PERIODS, INSTITUTION_AND_UP, MIN_DENOMINATOR, SUBJECTS } from './shared';

/** Referrals count once, at their first `initiated` step, attributed to the from-institution (and its county). */
function referralCounting(measures: Extract<CountingRule, { kind: 'once_per_subject' }>['measures']): CountingRule {
  return {
    kind: 'once_per_subject',
    subject: SUBJECTS.referral,
    source: { type: 'referral' },
    anchor: { action: 'initiated' },
    flags: { completed: { action: 'completed' } },
    measures,
  };
}

const base = {
  attribution: 'referral_from_institution',
  levels: INSTITUTION_AND_UP,
  periods: ALL_PERIODS,
  dimensions: [],
  minDenominator: MIN_DENOMINATOR.referrals,
} as const;

const countOfPeriod = { kind: 'count', value: { measure: 'value', accumulate: 'period' } } as const;

/** 上转人次 */
export const referralsUp: IndicatorDefinition = {
  ...base,
  code: 'referrals_up',
  name: '上转人次',
  nameEn: 'Upward referrals',
  unit: 'count',
  higherIsBetter: null,
  definition:
    'P 内发起的向更高级别机构的转诊数，按转出机构所在县统计。 Referrals initiated in P to an institution of a higher care level, attributed to the from-institution (and its county).',
  counting: referralCounting({ value: { where: { direction: 'up' } } }),
  read: countOfPeriod,
};

/** 下转人次 */
export const referralsDown: IndicatorDefinition = {
  ...base,
  code: 'referrals_down',
  name: '下转人次',
  nameEn: 'Downward referrals',
  unit: 'count',
  higherIsBetter: true,
  definition:
    'P 内发起的向更低级别机构的转诊数，按转出机构所在县统计。 Referrals initiated in P to an institution of a lower care level, attributed to the from-institution (and its county).',
  counting: referralCounting({ value: { where: { direction: 'down' } } }),
  read: countOfPeriod,
};

/** 下转/上转比 */
export const referralDownUpRatio: IndicatorDefinition = {
  ...base,
  code: 'referral_down_up_ratio',
  name: '下转上转比',
  nameEn: 'Down/up referral ratio',
  unit: 'ratio',
  higherIsBetter: true,
  definition:
    '下转人次 / 上转人次（上转为0时无值）。 Downward referrals initiated in P over upward referrals initiated in P; no value when there were none up.',
  counting: referralCounting({ numerator: { where: { direction: 'down' } }, denominator: { where: { direction: 'up' } } }),
  read: { kind: 'rate', numerator: { measure: 'numerator', accumulate: 'period' }, denominator: { measure: 'denominator', accumulate: 'period' } },
};

/** 转诊完成率 */
export const referralCompletionRate: IndicatorDefinition = {
  ...base,
  code: 'referral_completion_rate',
  name: '转诊完成率',
  nameEn: 'Referral completion rate',
  unit: 'percent',
  higherIsBetter: true,
  definition:
    'P 内发起的转诊中（至今）已完成的数量 / P 内发起的转诊数。 Referrals initiated in P that have reached `completed` (at any time so far), over referrals initiated in P (all directions).',
  counting: referralCounting({ numerator: { where: { completed: true } }, denominator: {} }),
  read: { kind: 'rate', numerator: { measure: 'numerator', accumulate: 'period' }, denominator: { measure: 'denominator', accumulate: 'period' } },
};

export const REFERRAL_INDICATORS = [referralsUp, referralsDown, referralDownUpRatio, referralCompletionRate];
