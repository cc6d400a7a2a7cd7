import type { Contribution } from '@lib/indicators';
import { counterStorageKey } from '@lib/indicators';
import { CounterSums } from './counter-sums';
import { subjectLockKeys } from './subject-lock-keys';

const c = (region: string, county: string, delta: number): Contribution => ({
  indicator: 'referrals_up',
  measure: 'value',
  level: 'institution',
  region,
  county,
  period: '202403',
  dims: '',
  delta,
});

describe('CounterSums', () => {
  it('rolls institution deltas up to county, city and province, sums per storage key, drops zeros', () => {
    const rows = CounterSums.of([
      c('610921-THC-001', '610921', 1),
      c('610921-CH-001', '610921', 1),
      c('610902-CH-001', '610902', 1),
      c('610902-CH-001', '610902', -1),
    ]).nonZero();
    expect(rows.map((r) => `${r.level}:${r.region}=${r.delta}`).sort()).toEqual([
      'city:610900=2',
      'county:610921=2',
      'institution:610921-CH-001=1',
      'institution:610921-THC-001=1',
      'province:610000=2',
    ]);
    expect(new Set(rows.map(counterStorageKey)).size).toBe(rows.length);
  });
});

describe('CounterSums as a contribution sink', () => {
  it('sums periods given together as it sums them one by one, and subtracts what it gets through negated', () => {
    const base = { level: 'institution' as const, region: '610921-THC-001', county: '610921' };
    const periods = ['20240315', '2024W11', '202403', '2024Q1'];
    const together = new CounterSums();
    together.addOnPeriods('visits', 'value', base, 'sex=F', periods, 2);
    together.negated.addOnPeriods('visits', 'value', base, 'sex=F', periods.slice(0, 1), 1);
    const one = (period: string, delta: number): Contribution => ({ indicator: 'visits', measure: 'value', ...base, period, dims: 'sex=F', delta });
    const oneByOne = CounterSums.of([...periods.map((p) => one(p, 2)), one('20240315', -1)]);
    const rows = (sums: CounterSums) =>
      sums
        .nonZero()
        .map((r) => `${counterStorageKey(r)}=${r.delta}`)
        .sort();
    expect(rows(together)).toEqual(rows(oneByOne));
    expect(rows(together)).toHaveLength(16);
    expect(together.nonZero().map((r) => [r.period, r.delta])).toEqual(
      expect.arrayContaining([
        ['20240315', 1],
        ['202403', 2],
      ]),
    );
    expect(together.nonZero().every((r) => r.delta === (r.period === '20240315' ? 1 : 2))).toBe(true);
  });
});

describe('subjectLockKeys', () => {
  it('gives unique ascending keys, the same for the same subjects in any order', () => {
    const a = subjectLockKeys(['chronic:p1:hypertension', 'evt:x:1', 'chronic:p1:hypertension', 'vax:p2:HepB:1']);
    expect(a).toHaveLength(3);
    expect([...a].sort((x, y) => x - y)).toEqual(a);
    expect(subjectLockKeys(['vax:p2:HepB:1', 'evt:x:1', 'chronic:p1:hypertension'])).toEqual(a);
  });
});
