import type { Contribution } from '@lib/indicators';
import { counterStorageKey } from '@lib/indicators';
import { CounterSums } from './counter-sums';
import { subjectLockKeys } from './subject-lock-keys';

const c = (region: string, county: string, delta: number): Contribution => ({
  indicator: 'referrals_up', measure: 'value', level: 'institution', region, county, period: '202403', dims: '', delta,
});

describe('CounterSums', () => {
  it('rolls institution deltas up to county, city and province, sums per storage key, drops zeros', () => {
    const rows = CounterSums.of([c('610921-THC-001', '610921', 1), c('610921-CH-001', '610921', 1), c('610902-CH-001', '610902', 1), c('610902-CH-001', '610902', -1)]).nonZero();
    expect(rows.map((r) => `${r.level}:${r.region}=${r.delta}`).sort()).toEqual(['city:610900=2', 'county:610921=2', 'institution:610921-CH-001=1', 'institution:610921-THC-001=1', 'province:610000=2']);
    expect(new Set(rows.map(counterStorageKey)).size).toBe(rows.length);
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
