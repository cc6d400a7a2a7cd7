import { evaluateTarget, proRataCount } from './evaluate-target';
import { resolveTarget } from './resolve-target';
import { Target, TargetRule } from './target.types';

const target = (rule: TargetRule, extra: Partial<Target> = {}): Target => ({
  indicator: 'x', scope: '610921', year: 2024, dims: '', rule, tolerance: 0.02, minDenominator: 30, ...extra,
});
const rate = (value: number | null, denominator = 1000, previousYearValue?: number | null) => ({
  numerator: value === null ? null : value * denominator, denominator, value, previousYearValue,
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
    expect(evaluateTarget(growth, '2024', { numerator: 105, denominator: 100, value: 0.04 }, NOV).status).toBe('green');
    expect(evaluateTarget(growth, '2024', { numerator: 105, denominator: 100, value: 0.055 }, NOV).status).toBe('yellow');
    expect(evaluateTarget(growth, '2024', { numerator: 105, denominator: 100, value: 0.08 }, NOV).status).toBe('red');
  });

  it('says none, not red, for a small denominator or no value', () => {
    expect(evaluateTarget(coverage, '2024', rate(0.5, 29), NOV)).toMatchObject({ status: 'none', reason: 'small_denominator' });
    expect(evaluateTarget(coverage, '2024', rate(0.5, 30), NOV).status).toBe('red');
    expect(evaluateTarget(coverage, '2024', rate(null), NOV)).toMatchObject({ status: 'none', reason: 'no_value' });
  });
});

describe('change targets', () => {
  it('judges +1 pp on last year (县域内住院率再提升1个百分点)', () => {
    const inpatient = target({ kind: 'change', comparator: '>=', unit: 'pp', delta: 0.01 }, { tolerance: 0.005 });
    expect(evaluateTarget(inpatient, '2024', rate(0.82, 1000, 0.8), NOV)).toMatchObject({ status: 'green', expected: expect.closeTo(0.81) });
    expect(evaluateTarget(inpatient, '2024', rate(0.806, 1000, 0.8), NOV).status).toBe('yellow');
    expect(evaluateTarget(inpatient, '2024', rate(0.8, 1000, 0.8), NOV).status).toBe('red');
    expect(evaluateTarget(inpatient, '2024', rate(0.8, 1000, null), NOV)).toMatchObject({ status: 'none', reason: 'no_previous_year' });
  });

  it('judges a relative change in percent', () => {
    const visits = target({ kind: 'change', comparator: '>=', unit: 'percent', delta: 0.1 }, { tolerance: 5, minDenominator: 0 });
    expect(evaluateTarget(visits, '2024', { numerator: 110, denominator: null, value: 110, previousYearValue: 100 }, NOV)).toMatchObject({ status: 'green', expected: expect.closeTo(110) });
    expect(evaluateTarget(visits, '2024', { numerator: 104, denominator: null, value: 104, previousYearValue: 100 }, NOV).status).toBe('red');
  });
});

describe('yearly count targets (pro rata)', () => {
  const homeVisits = target({ kind: 'yearly_count', count: 1200 }, { tolerance: 0.1, minDenominator: 10 });
  const count = (value: number) => ({ numerator: value, denominator: null, value });

  it('expects the elapsed share of the year', () => {
    const expected = proRataCount({ kind: 'yearly_count', count: 1200 }, '2024', at('2024-07-01T00:00:00+08:00'));
    expect(expected).toBeCloseTo((1200 * 182) / 366, 6); // Jan–Jun 2024 = 182 of 366 days
    expect(evaluateTarget(homeVisits, '2024', count(600), at('2024-07-01T00:00:00+08:00')).status).toBe('green');
  });

  it('falls behind with time alone, without any event', () => {
    const ytd = count(550);
    expect(evaluateTarget(homeVisits, '2024', ytd, at('2024-06-01T00:00:00+08:00')).status).toBe('green');
    expect(evaluateTarget(homeVisits, '2024', ytd, at('2024-07-01T00:00:00+08:00')).status).toBe('yellow');
    expect(evaluateTarget(homeVisits, '2024', ytd, at('2024-08-01T00:00:00+08:00')).status).toBe('red');
  });

  it('follows seasonal monthly weights', () => {
    const winterHeavy = { kind: 'yearly_count' as const, count: 1200, monthlyWeights: [3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3] };
    expect(proRataCount(winterHeavy, '2024', at('2024-03-01T00:00:00+08:00'))).toBeCloseTo(1200 * (6 / 18), 6);
  });

  it('judges a finished period to its end, and says none before the year starts or for tiny expectations', () => {
    expect(proRataCount({ kind: 'yearly_count', count: 1200 }, '202403', at('2024-11-01T00:00:00+08:00'))).toBeCloseTo((1200 * 91) / 366, 6);
    expect(evaluateTarget(homeVisits, '2024', count(0), at('2023-12-31T00:00:00+08:00'))).toMatchObject({ status: 'none', reason: 'not_started' });
    expect(evaluateTarget(homeVisits, '2024', count(0), at('2024-01-02T00:00:00+08:00'))).toMatchObject({ status: 'none', reason: 'small_denominator' });
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
