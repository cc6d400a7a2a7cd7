import type { Target } from '@lib/targets';
import { sweepCells } from './sweep-cells';

const regions = {
  of: (level: string) => (level === 'county' ? ['610921', '610922'] : level === 'city' ? ['610900'] : []),
  levelOf: (code: string) => (code.endsWith('00') ? 'city' : 'county'),
};
const target = (extra: Partial<Target>): Target => ({
  indicator: 'county_visit_rate',
  scope: 'default:county',
  year: 2026,
  dims: '',
  rule: { kind: 'threshold', comparator: '>=', value: 0.9 },
  tolerance: 0.02,
  minDenominator: 0,
  ...extra,
});

describe('the clock’s sweep', () => {
  it('covers every region of a default’s level, in the current period of each granularity', () => {
    const cells = sweepCells([target({})], regions, new Set(['year', 'month'] as const), new Date('2026-05-31T16:30:00Z')); // 2026-06-01 00:30 CST
    expect(cells.map((c) => `${c.region} ${c.period}`).sort()).toEqual(['610921 2026', '610921 202606', '610922 2026', '610922 202606']);
  });

  it('moves to the new year at its first tick (period boundaries), and skips targets of other years', () => {
    const newYear = new Date('2026-12-31T16:00:00Z'); // 2027-01-01 00:00 CST
    expect(sweepCells([target({})], regions, new Set(['year'] as const), newYear)).toEqual([]);
    expect(sweepCells([target({ year: 2027 })], regions, new Set(['year'] as const), newYear).map((c) => c.period)).toEqual(['2027', '2027']);
  });

  it('takes a region’s own target at that region’s level', () => {
    expect(sweepCells([target({ scope: '610900' })], regions, new Set(['year'] as const), new Date('2026-05-01T00:00:00Z'))).toEqual([
      { indicator: 'county_visit_rate', level: 'city', region: '610900', period: '2026', dims: '' },
    ]);
  });
});
