import { differenceInterval, wilsonInterval } from './intervals';

describe('95% intervals', () => {
  it('Wilson: the published examples (Newcombe 1998, Table I)', () => {
    const a = wilsonInterval({ successes: 81, trials: 263 });
    expect([a.low, a.high].map((x) => x.toFixed(4))).toEqual(['0.2553', '0.3662']);
    const b = wilsonInterval({ successes: 0, trials: 10 });
    expect([b.low, b.high].map((x) => x.toFixed(4))).toEqual(['0.0000', '0.2775']);
    const c = wilsonInterval({ successes: 1, trials: 29 });
    expect([c.low, c.high].map((x) => x.toFixed(4))).toEqual(['0.0061', '0.1718']);
  });

  it('Wilson: narrows with the number of cases (30 patients are not 30,000)', () => {
    const width = (trials: number) => {
      const i = wilsonInterval({ successes: 0.8 * trials, trials });
      return i.high - i.low;
    };
    expect(width(30)).toBeGreaterThan(0.25);
    expect(width(30_000)).toBeLessThan(0.01);
  });

  it('Newcombe: the difference of two shares (Newcombe 1998, Table II, 56/70 − 48/80)', () => {
    const d = differenceInterval({ successes: 56, trials: 70 }, { successes: 48, trials: 80 });
    expect([d.low, d.high].map((x) => x.toFixed(4))).toEqual(['0.0524', '0.3339']);
  });
});
