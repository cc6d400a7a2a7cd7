import {
  CATALOGUE,
  cervicalScreeningCoverage,
  countyInpatientRate,
  countyVisitRate,
  homeVisits,
  hypertensionStandardManagementRate,
  inpatientCostGrowth,
  referralsDown,
} from '@lib/indicators';
import { evaluateTarget, judgeCell, proRataCount } from './evaluate-target';
import { accrualOf, belowMinimumOfCases } from './observation';
import { resolveTarget } from './resolve-target';
import { Observation, ResolvedTarget, Target, TargetRule } from './target.types';

const target = (rule: TargetRule, extra: Partial<ResolvedTarget> = {}): ResolvedTarget => ({
  indicator: 'x',
  scope: '610921',
  year: 2024,
  dims: '',
  rule,
  tolerance: 0.02,
  minDenominator: 30,
  ...extra,
});
/** A share of `denominator` cases (so its Wilson interval applies), optionally with last year's share of as many. */
const rate = (value: number | null, denominator = 1000, previousYearValue?: number | null): Observation => ({
  value,
  cases: denominator,
  share: value === null ? null : { successes: value * denominator, trials: denominator },
  baselineCases: null,
  accrual: null,
  previousYear:
    previousYearValue === undefined
      ? null
      : {
          value: previousYearValue,
          cases: denominator,
          share: previousYearValue === null ? null : { successes: previousYearValue * denominator, trials: denominator },
        },
});
/** A value that is not a share (a count, a growth): no interval. */
const plain = (value: number | null, extra: Partial<Observation> = {}): Observation => ({
  value,
  cases: null,
  share: null,
  baselineCases: null,
  previousYear: null,
  accrual: null,
  ...extra,
});
const at = (iso: string) => new Date(iso);
const NOV = at('2024-11-15T00:00:00+08:00');

describe('threshold targets', () => {
  const coverage = target({ kind: 'threshold', comparator: '>=', value: 0.95 }); // 接种率 ≥ 95%

  it('is green at or above, yellow within the band, red below it', () => {
    expect(evaluateTarget(coverage, '2024', rate(0.95), NOV)).toMatchObject({ status: 'green', expected: 0.95, gap: expect.closeTo(0) });
    expect(evaluateTarget(coverage, '2024', rate(0.97), NOV).status).toBe('green');
    expect(evaluateTarget(coverage, '2024', rate(0.94), NOV).status).toBe('yellow');
    expect(evaluateTarget(coverage, '2024', rate(0.93), NOV).status).toBe('yellow');
    expect(evaluateTarget(coverage, '2024', rate(0.92), NOV)).toMatchObject({ status: 'red', gap: expect.closeTo(-0.03) });
  });

  it('mirrors for lower-is-better targets (cost growth ≤ 5%)', () => {
    const growth = target({ kind: 'threshold', comparator: '<=', value: 0.05 }, { tolerance: 0.01, minDenominator: 0 });
    expect(evaluateTarget(growth, '2024', plain(0.04), NOV).status).toBe('green');
    expect(evaluateTarget(growth, '2024', plain(0.055), NOV).status).toBe('yellow');
    expect(evaluateTarget(growth, '2024', plain(0.08), NOV).status).toBe('red');
  });

  it('says insufficient_data, never red, below the minimum; none when there is no value', () => {
    expect(evaluateTarget(coverage, '2024', rate(0.5, 29), NOV)).toMatchObject({
      status: 'insufficient_data',
      reason: 'small_denominator',
      actual: 0.5,
      gap: null,
    });
    expect(evaluateTarget(coverage, '2024', rate(0.5, 30), NOV).status).toBe('red');
    expect(evaluateTarget(coverage, '2024', rate(null), NOV)).toMatchObject({ status: 'none', reason: 'no_value' });
  });

  it('is red only when the 95% Wilson interval lies wholly below the target: 30 patients are not 30,000', () => {
    const managed = target({ kind: 'threshold', comparator: '>=', value: 0.8 }, { tolerance: 0.05 }); // 规范管理率 ≥ 80%
    // 70% of 30: beyond the band, but the interval (52%–83%) still reaches 80%.
    expect(evaluateTarget(managed, '2024', rate(0.7, 30), NOV)).toMatchObject({
      status: 'yellow',
      reason: 'uncertain',
      gap: expect.closeTo(-0.1),
      interval: { low: expect.closeTo(0.521, 3), high: expect.closeTo(0.833, 3) },
    });
    // 70% of 300: the interval (65%–75%) is short of 80% throughout.
    expect(evaluateTarget(managed, '2024', rate(0.7, 300), NOV)).toMatchObject({ status: 'red', interval: { high: expect.closeTo(0.749, 3) } });
    expect(evaluateTarget(managed, '2024', rate(0.7, 300), NOV).reason).toBeUndefined();
  });
});

describe('change targets', () => {
  it('judges +1 pp on last year (县域内住院率再提升1个百分点)', () => {
    const inpatient = target({ kind: 'change', comparator: '>=', unit: 'pp', delta: 0.01 }, { tolerance: 0.005 });
    expect(evaluateTarget(inpatient, '2024', rate(0.82, 30_000, 0.8), NOV)).toMatchObject({ status: 'green', expected: expect.closeTo(0.81) });
    expect(evaluateTarget(inpatient, '2024', rate(0.806, 30_000, 0.8), NOV).status).toBe('yellow');
    expect(evaluateTarget(inpatient, '2024', rate(0.78, 30_000, 0.8), NOV).status).toBe('red');
    expect(evaluateTarget(inpatient, '2024', rate(0.8, 1000, null), NOV)).toMatchObject({ status: 'none', reason: 'no_previous_year' });
  });

  it('counts both years’ noise (Newcombe): 80% → 78% of 300 admissions is no proof of falling behind', () => {
    const inpatient = target({ kind: 'change', comparator: '>=', unit: 'pp', delta: 0.01 }, { tolerance: 0.005 });
    const small = evaluateTarget(inpatient, '2024', rate(0.78, 300, 0.8), NOV);
    expect(small).toMatchObject({ status: 'yellow', reason: 'uncertain', gap: expect.closeTo(-0.03) });
    expect(small.interval!.high).toBeGreaterThan(0.81);
    expect(evaluateTarget(inpatient, '2024', rate(0.78, 30_000, 0.8), NOV).interval!.high).toBeLessThan(0.81);
  });

  it('needs the minimum of cases last year too', () => {
    const inpatient = target({ kind: 'change', comparator: '>=', unit: 'pp', delta: 0.01 }, { tolerance: 0.005 });
    const fewLastYear: Observation = { ...rate(0.5, 1000), previousYear: { value: 1, cases: 1, share: { successes: 1, trials: 1 } } };
    expect(evaluateTarget(inpatient, '2024', fewLastYear, NOV)).toMatchObject({ status: 'insufficient_data', reason: 'small_baseline' });
  });

  it('judges a relative change in percent', () => {
    const visits = target({ kind: 'change', comparator: '>=', unit: 'percent', delta: 0.1 }, { tolerance: 5, minDenominator: 0 });
    const count = (value: number, previous: number) => plain(value, { previousYear: { value: previous, cases: previous, share: null } });
    expect(evaluateTarget(visits, '2024', count(110, 100), NOV)).toMatchObject({ status: 'green', expected: expect.closeTo(110) });
    expect(evaluateTarget(visits, '2024', count(104, 100), NOV).status).toBe('red');
  });
});

describe('yearly count targets (pro rata)', () => {
  const homeVisitsTarget = target({ kind: 'yearly_count', count: 1200 }, { tolerance: 0.1, minDenominator: 10 });
  const count = (value: number) => plain(value);

  it('expects the elapsed share of the year', () => {
    const expected = proRataCount({ kind: 'yearly_count', count: 1200 }, '2024', at('2024-07-01T00:00:00+08:00'));
    expect(expected).toBeCloseTo((1200 * 182) / 366, 6); // Jan–Jun 2024 = 182 of 366 days
    expect(evaluateTarget(homeVisitsTarget, '2024', count(600), at('2024-07-01T00:00:00+08:00')).status).toBe('green');
  });

  it('falls behind with time alone, without any event', () => {
    const ytd = count(550);
    expect(evaluateTarget(homeVisitsTarget, '2024', ytd, at('2024-06-01T00:00:00+08:00')).status).toBe('green');
    expect(evaluateTarget(homeVisitsTarget, '2024', ytd, at('2024-07-01T00:00:00+08:00')).status).toBe('yellow');
    expect(evaluateTarget(homeVisitsTarget, '2024', ytd, at('2024-08-01T00:00:00+08:00')).status).toBe('red');
  });

  it('follows seasonal monthly weights', () => {
    const winterHeavy = { kind: 'yearly_count' as const, count: 1200, monthlyWeights: [3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3] };
    expect(proRataCount(winterHeavy, '2024', at('2024-03-01T00:00:00+08:00'))).toBeCloseTo(1200 * (6 / 18), 6);
  });

  it('judges a finished period to its end; none before the year starts, insufficient_data for tiny expectations', () => {
    expect(proRataCount({ kind: 'yearly_count', count: 1200 }, '202403', at('2024-11-01T00:00:00+08:00'))).toBeCloseTo((1200 * 91) / 366, 6);
    expect(evaluateTarget(homeVisitsTarget, '2024', count(0), at('2023-12-31T00:00:00+08:00'))).toMatchObject({ status: 'none', reason: 'not_started' });
    expect(evaluateTarget(homeVisitsTarget, '2024', count(0), at('2024-01-02T00:00:00+08:00'))).toMatchObject({
      status: 'insufficient_data',
      reason: 'small_denominator',
    });
  });
});

describe('judgeCell: readings of catalogue indicators, with the indicator’s default minimum', () => {
  const stored = (indicator: string, rule: TargetRule, extra: Partial<Target> = {}): Target => ({
    indicator,
    scope: 'default:county',
    year: 2024,
    dims: '',
    rule,
    tolerance: 0.01,
    minDenominator: null,
    ...extra,
  });
  const atMost5 = stored('inpatient_cost_growth', { kind: 'threshold', comparator: '<=', value: 0.05 });

  it('gives insufficient_data, no red, for +541% on a one-admission baseline year', () => {
    // Mean cost per admission 6,410 yuan over 120 admissions, against 1,000 yuan for the single admission a year earlier.
    const reading = { numerator: 6410, denominator: 1000, value: 5.41, cases: { current: 120, baseline: 1 } };
    expect(judgeCell(inpatientCostGrowth, atMost5, '2024', reading, null, NOV)).toMatchObject({
      status: 'insufficient_data',
      reason: 'small_baseline',
      actual: 5.41,
    });
    // The same growth on 30 admissions each year (the default minimum for admissions) is judged: red.
    expect(judgeCell(inpatientCostGrowth, atMost5, '2024', { ...reading, cases: { current: 30, baseline: 30 } }, null, NOV).status).toBe('red');
    expect(judgeCell(inpatientCostGrowth, atMost5, '2024', { ...reading, cases: { current: 29, baseline: 300 } }, null, NOV)).toMatchObject({
      status: 'insufficient_data',
      reason: 'small_denominator',
    });
  });

  it('sizes the default from the indicator (visits: hundreds; admissions and patients: tens); a target may override it', () => {
    expect([countyVisitRate, countyInpatientRate, hypertensionStandardManagementRate, inpatientCostGrowth].map((d) => d.minDenominator)).toEqual([
      300, 30, 30, 30,
    ]);
    const visitRate = stored('county_visit_rate', { kind: 'threshold', comparator: '>=', value: 0.9 }, { tolerance: 0.02 });
    const reading = (numerator: number, denominator: number) => ({ numerator, denominator, value: numerator / denominator });
    expect(judgeCell(countyVisitRate, visitRate, '2024', reading(250, 299), null, NOV).status).toBe('insufficient_data');
    expect(judgeCell(countyVisitRate, visitRate, '2024', reading(255, 300), null, NOV).status).toBe('red'); // 85%, interval up to 88.6%
    expect(judgeCell(countyVisitRate, { ...visitRate, minDenominator: 50 }, '2024', reading(42, 50), null, NOV)).toMatchObject({
      status: 'yellow',
      reason: 'uncertain',
    }); // 84% of 50: up to 91.7%
  });

  it('takes last year’s count as the baseline of a change in a count, not this year’s', () => {
    const moreDown = stored('referrals_down', { kind: 'change', comparator: '>=', unit: 'percent', delta: 0.1 }, { tolerance: 0.05 });
    const count = (n: number) => ({ numerator: n, denominator: null, value: n });
    expect(judgeCell(referralsDown, moreDown, '2024', count(3), count(19), NOV)).toMatchObject({ status: 'insufficient_data', reason: 'small_baseline' });
    expect(judgeCell(referralsDown, moreDown, '2024', count(3), count(20), NOV).status).toBe('red');
    expect(judgeCell(homeVisits, stored('home_visits', { kind: 'yearly_count', count: 1200 }), '2024', count(0), null, NOV).status).toBe('red');
  });
});

describe('pace: a value that accrues over the year is held to the share of its year-end figure due by the date', () => {
  const managed80 = (rule: Partial<TargetRule> = {}): Target => ({
    indicator: 'hypertension_standard_management_rate',
    scope: 'default:county',
    year: 2026,
    dims: '',
    rule: { kind: 'threshold', comparator: '>=', value: 0.8, ...rule } as TargetRule,
    tolerance: 0.05,
    minDenominator: null,
  });
  const patients = (managed: number, registered = 3000) => ({ numerator: managed, denominator: registered, value: managed / registered });
  const MAY_1 = at('2026-05-01T00:00:00+08:00'); // 120 of 365 days gone

  it('knows which indicators accrue, and from when', () => {
    const accruing = CATALOGUE.map((d) => [d.code, accrualOf(d)]).filter(([, a]) => a !== null);
    expect(Object.fromEntries(accruing)).toEqual({
      hypertension_standard_management_rate: 'year',
      diabetes_standard_management_rate: 'year',
      smd_standard_management_rate: 'year',
      cervical_screening_coverage: 'period',
      breast_screening_coverage: 'period',
      newborn_screening_rate: 'period',
      // Cases of the period over the year's residents: a year in progress has had only part of its cases.
      disease_incidence: 'period',
    });
  });

  it('judges 规范管理率 ≥ 80% on 1 May against 80% × 120/365, not against 80%', () => {
    const onPace = judgeCell(hypertensionStandardManagementRate, managed80(), '2026', patients(750), null, MAY_1);
    expect(onPace).toMatchObject({ status: 'yellow', expected: expect.closeTo((0.8 * 120) / 365, 6), progress: expect.closeTo(120 / 365, 6) });
    expect(judgeCell(hypertensionStandardManagementRate, managed80(), '2026', patients(800), null, MAY_1).status).toBe('green');
    expect(judgeCell(hypertensionStandardManagementRate, managed80(), '2026', patients(600), null, MAY_1).status).toBe('red'); // 20% < 26.3% − 1.6 pp
    // `year_end` opts out; a finished year is judged against the figure itself.
    expect(judgeCell(hypertensionStandardManagementRate, managed80({ pace: 'year_end' }), '2026', patients(800), null, MAY_1).status).toBe('red');
    expect(judgeCell(hypertensionStandardManagementRate, { ...managed80(), year: 2025 }, '2025', patients(2300), null, MAY_1)).toMatchObject({
      status: 'yellow',
      expected: 0.8,
      progress: 1,
    });
  });

  it('follows monthly weights (follow-ups done in the second half)', () => {
    const lateYear = managed80({ monthlyWeights: [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1] });
    expect(judgeCell(hypertensionStandardManagementRate, lateYear, '2026', patients(0), null, MAY_1)).toMatchObject({ status: 'none', reason: 'not_started' }); // nothing due before July
    expect(judgeCell(hypertensionStandardManagementRate, lateYear, '2026', patients(1200), null, at('2026-10-01T00:00:00+08:00'))).toMatchObject({
      status: 'green',
      expected: expect.closeTo(0.4, 6),
    });
  });

  it('does not call anyone behind while the due numerator is below the minimum (the first days of January)', () => {
    expect(judgeCell(hypertensionStandardManagementRate, managed80(), '2026', patients(0), null, at('2026-01-03T00:00:00+08:00'))).toMatchObject({
      status: 'insufficient_data',
      reason: 'small_denominator',
    });
    expect(judgeCell(hypertensionStandardManagementRate, managed80(), '2026', patients(0), null, at('2026-01-10T00:00:00+08:00')).status).toBe('red');
  });

  it('pro-rates a count in the period over a yearly population by the period’s own share (screening in March)', () => {
    const screening = { ...managed80(), indicator: 'cervical_screening_coverage', rule: { kind: 'threshold', comparator: '>=', value: 0.5 } as TargetRule };
    const march = judgeCell(
      cervicalScreeningCoverage,
      screening,
      '202603',
      { numerator: 450, denominator: 10_000, value: 0.045 },
      null,
      at('2026-11-15T00:00:00+08:00'),
    );
    expect(march).toMatchObject({ status: 'green', expected: expect.closeTo((0.5 * 31) / 365, 6), progress: expect.closeTo(31 / 365, 6) });
  });

  it('pro-rates a change on last year’s full-year value too', () => {
    const morePp = {
      ...managed80(),
      indicator: 'cervical_screening_coverage',
      rule: { kind: 'change', comparator: '>=', unit: 'pp', delta: 0.05 } as TargetRule,
    };
    const lastYear = { numerator: 4000, denominator: 10_000, value: 0.4 };
    expect(judgeCell(cervicalScreeningCoverage, morePp, '2026', { numerator: 1500, denominator: 10_000, value: 0.15 }, lastYear, MAY_1)).toMatchObject({
      status: 'green',
      expected: expect.closeTo((0.45 * 120) / 365, 6),
    });
  });
});

describe('resolveTarget', () => {
  it('prefers the region’s own target to the level default', () => {
    const own = target({ kind: 'threshold', comparator: '>=', value: 0.85 }, { indicator: 'v', scope: '610927' });
    const byDefault = target({ kind: 'threshold', comparator: '>=', value: 0.9 }, { indicator: 'v', scope: 'default:county' });
    expect(resolveTarget([own, byDefault], 'v', '610927', 'county', 2024, '')).toBe(own);
    expect(resolveTarget([own, byDefault], 'v', '610921', 'county', 2024, '')).toBe(byDefault);
    expect(resolveTarget([own, byDefault], 'v', '610921', 'county', 2025, '')).toBeUndefined();
  });
});

describe('belowMinimumOfCases: whether a value may be ranked, with or without a target', () => {
  it('is true for a village clinic at 100% on one visit, false on the indicator’s minimum, and false without a value', () => {
    expect(belowMinimumOfCases(countyVisitRate, { numerator: 1, denominator: 1, value: 1 })).toBe(true);
    expect(belowMinimumOfCases(countyVisitRate, { numerator: 270, denominator: countyVisitRate.minDenominator, value: 0.9 })).toBe(false);
    expect(belowMinimumOfCases(countyVisitRate, { numerator: null, denominator: null, value: null })).toBe(false);
  });

  it('for cost growth, counts the baseline’s visits too', () => {
    expect(belowMinimumOfCases(inpatientCostGrowth, { numerator: 6410, denominator: 1000, value: 5.41, cases: { current: 120, baseline: 1 } })).toBe(true);
    expect(belowMinimumOfCases(inpatientCostGrowth, { numerator: 6410, denominator: 1000, value: 5.41, cases: { current: 120, baseline: 40 } })).toBe(false);
  });
});
