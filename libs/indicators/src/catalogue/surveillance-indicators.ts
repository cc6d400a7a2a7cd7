import { IndicatorDefinition } from '../indicator.types';
import { COUNTY_AND_UP, INSTITUTION_AND_UP, MIN_DENOMINATOR, SUBJECTS, SURVEILLANCE_PERIODS } from './shared';

/**
 * A card counts as a case while its latest version is a report or revision of a suspected, clinical
 * or confirmed case (a pathogen carrier is reported but is not a case; a deleted card counts nothing).
 * Cases count in the period of the card's `occurredAt` (报告日期), where the patient lives (现住址).
 */
const CASE_CARDS = { type: 'disease_report', action: ['reported', 'revised'], classification: ['suspected', 'clinical', 'confirmed'] } as const;

/** 法定传染病报告病例数 */
export const diseaseCases: IndicatorDefinition = {
  code: 'disease_cases',
  name: '法定传染病报告病例数',
  nameEn: 'Notifiable disease cases reported',
  unit: 'count',
  higherIsBetter: null,
  definition:
    '按病种：P 内报告（以报告卡 occurredAt 计）的现住址在本县的疑似、临床诊断和确诊病例数，订正后以最新报告卡为准，删除卡不计。' +
    " Per disease: suspected, clinical and confirmed cases reported in P (by the card's occurredAt) of patients living in C, each card as its latest version; deleted cards and carriers are not counted.",
  attribution: 'residence_county',
  levels: COUNTY_AND_UP,
  periods: SURVEILLANCE_PERIODS,
  dimensions: ['disease'],
  counting: { kind: 'each_event', subject: SUBJECTS.event, source: CASE_CARDS, measures: { value: {} } },
  read: { kind: 'count', value: { measure: 'value', accumulate: 'period' } },
  // Cases are read, not judged against targets: outbreak detection has its own minimum counts.
  minDenominator: 0,
};

/** 发病率 (1/10万) */
export const diseaseIncidence: IndicatorDefinition = {
  code: 'disease_incidence',
  name: '法定传染病报告发病率',
  nameEn: 'Notifiable disease incidence per 100,000 residents',
  unit: 'per_100k',
  higherIsBetter: false,
  definition:
    '按病种：P 内报告的本县现住址病例数（同 disease_cases）/ 该县 P 所在年份的 residents 人口 × 100,000。' +
    " Per disease: the cases of disease_cases in P over the population residents of C for P's year, per 100,000.",
  attribution: 'residence_county',
  levels: COUNTY_AND_UP,
  periods: SURVEILLANCE_PERIODS,
  dimensions: ['disease'],
  counting: { kind: 'each_event', subject: SUBJECTS.event, source: CASE_CARDS, measures: { numerator: {} } },
  read: { kind: 'rate', numerator: { measure: 'numerator', accumulate: 'period' }, denominator: { population: 'residents' }, per: 100_000 },
  minDenominator: MIN_DENOMINATOR.populations,
};

/** 传染病报告及时率 */
export const reportTimelinessRate: IndicatorDefinition = {
  code: 'report_timeliness_rate',
  name: '传染病报告及时率',
  nameEn: 'Notifiable disease reporting timeliness',
  unit: 'percent',
  higherIsBetter: true,
  definition:
    'P 内本机构报告的传染病报告卡（删除卡不计，含病原携带者）中，自诊断时间（diagnosedAt）至接收端首次收到该卡的时间不超过时限（甲类及乙类甲管 2 小时，其余 24 小时）的比例；订正不改变首次接收时间。' +
    " Per disease: of the cards an institution reported in P (by occurredAt; deleted cards excluded, carriers included), the share whose first version reached the door within the disease's limit of diagnosedAt (2 h for class A and B-managed-as-A, 24 h otherwise); a revision keeps the first version's receipt time.",
  attribution: 'institution',
  levels: INSTITUTION_AND_UP,
  periods: SURVEILLANCE_PERIODS,
  dimensions: ['disease'],
  counting: {
    kind: 'each_event',
    subject: SUBJECTS.event,
    source: { type: 'disease_report', action: ['reported', 'revised'] },
    measures: { numerator: { where: { reportedInTime: true } }, denominator: { where: { reportedInTime: [true, false] } } },
  },
  read: { kind: 'rate', numerator: { measure: 'numerator', accumulate: 'period' }, denominator: { measure: 'denominator', accumulate: 'period' } },
  // A county reports tens of cards a month; below 20 one late card moves the rate by 5 points.
  minDenominator: 20,
};

/** 流感样病例百分比 (ILI%) */
export const iliPercentage: IndicatorDefinition = {
  code: 'ili_percentage',
  name: '流感样病例就诊百分比',
  nameEn: 'Influenza-like illness percentage (ILI%)',
  unit: 'percent',
  higherIsBetter: false,
  definition:
    'P 内哨点机构报告的流感样病例数 / 同期门急诊就诊人次，按机构及其所在县统计。' +
    " ILI cases over outpatient visits reported in P by the sites' daily counts (syndromic_count), per institution and by the institution's county.",
  attribution: 'institution',
  levels: INSTITUTION_AND_UP,
  periods: SURVEILLANCE_PERIODS,
  dimensions: [],
  counting: {
    kind: 'each_event',
    subject: SUBJECTS.event,
    source: { type: 'syndromic_count', action: 'daily' },
    measures: { numerator: { add: 'iliCases' }, denominator: { add: 'outpatientVisits' } },
  },
  read: { kind: 'rate', numerator: { measure: 'numerator', accumulate: 'period' }, denominator: { measure: 'denominator', accumulate: 'period' } },
  minDenominator: MIN_DENOMINATOR.visits,
};

/** 发热门诊就诊人次 */
export const feverClinicVisits: IndicatorDefinition = {
  code: 'fever_clinic_visits',
  name: '发热门诊就诊人次',
  nameEn: 'Fever clinic visits',
  unit: 'count',
  higherIsBetter: null,
  definition:
    "P 内发热门诊就诊人次（syndromic_count 日报之和），按机构及其所在县统计。 Fever-clinic visits in P, the sum of the daily counts, per institution and by the institution's county.",
  attribution: 'institution',
  levels: INSTITUTION_AND_UP,
  periods: SURVEILLANCE_PERIODS,
  dimensions: [],
  counting: {
    kind: 'each_event',
    subject: SUBJECTS.event,
    source: { type: 'syndromic_count', action: 'daily' },
    measures: { value: { add: 'feverClinicVisits' } },
  },
  read: { kind: 'count', value: { measure: 'value', accumulate: 'period' } },
  minDenominator: 0,
};

/** 发热门诊就诊人次同比 */
export const feverClinicVisitsGrowth: IndicatorDefinition = {
  code: 'fever_clinic_visits_growth',
  name: '发热门诊就诊人次同比增幅',
  nameEn: 'Fever clinic visits against the same period last year',
  unit: 'percent',
  higherIsBetter: null,
  definition:
    'P 内发热门诊就诊人次 / 上年同期发热门诊就诊人次 − 1；周与上年同一 ISO 周比较（第53周与上年第52周），进行中的周期与上年同期相同的已过天数比较。' +
    " Fever-clinic visits in P over those of the same period a year earlier, minus one: a week against the same ISO week (week 53 against week 52), a period in progress against the same elapsed days (a week's same weekdays).",
  attribution: 'institution',
  levels: INSTITUTION_AND_UP,
  periods: SURVEILLANCE_PERIODS,
  dimensions: [],
  // Its own counters of the same visits: a year-on-year read of fever_clinic_visits' counting.
  counting: feverClinicVisits.counting,
  read: { kind: 'count_growth', value: 'value' },
  // Below 30 visits last year a handful of patients moves the change by tens of points.
  minDenominator: 30,
};

export const SURVEILLANCE_INDICATORS = [diseaseCases, diseaseIncidence, reportTimelinessRate, iliPercentage, feverClinicVisits, feverClinicVisitsGrowth];
