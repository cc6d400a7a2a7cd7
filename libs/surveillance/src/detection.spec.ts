import { earsC1, earsC2, earsC3, meanAndSd } from './ears';
import { fixedThreshold } from './fixed-threshold';
import { baselineWindowEnds, movingPercentile, percentile } from './moving-percentile';

describe('fixed threshold', () => {
  it('turns one cholera case red at once, and says nothing about measles unless listed', () => {
    expect(fixedThreshold('cholera', 1)).toMatchObject({ method: 'fixed_threshold', level: 'red', observed: 1 });
    expect(fixedThreshold('cholera', 0)?.level).toBe('none');
    expect(fixedThreshold('pulmonary_anthrax', 1)?.level).toBe('red');
    expect(fixedThreshold('measles', 5)).toBeNull();
    expect(fixedThreshold('polio', 1, { listedDiseases: ['polio'] })?.level).toBe('red');
  });
});

describe('moving percentile', () => {
  // 15 windows (3 years × the week and two either side), sorted: 1 2 2 3 3 4 4 5 5 5 6 6 7 8 9.
  const history = [3, 5, 2, 8, 4, 6, 1, 7, 3, 5, 9, 2, 4, 6, 5];

  it('interpolates P80 by hand: h = 14 × 0.8 = 11.2, x11 = 6, x12 = 7 → 6 + 0.2 × 1 = 6.2', () => {
    expect(percentile(history, 0.8)).toBeCloseTo(6.2, 12);
    expect(percentile(history, 0.5)).toBe(5);
    expect(percentile(history, 1)).toBe(9);
    expect(percentile([4], 0.8)).toBe(4);
  });

  it('is yellow above P80, red above the maximum, green at or below P80', () => {
    const green = movingPercentile(6, history)!;
    expect(green.level).toBe('none');
    expect(green.thresholds.yellow).toBeCloseTo(6.2, 12);
    expect(green.thresholds.red).toBe(9);
    expect(movingPercentile(7, history)?.level).toBe('yellow');
    expect(movingPercentile(9, history)?.level).toBe('yellow');
    expect(movingPercentile(10, history)?.level).toBe('red');
  });

  it('takes a configured red percentile instead of the maximum (P95: h = 13.3 → 8 + 0.3 = 8.3)', () => {
    const signal = movingPercentile(9, history, { redPercentile: 0.95 });
    expect(signal?.thresholds.red).toBeCloseTo(8.3, 12);
    expect(signal?.level).toBe('red');
    expect(signal?.percentiles).toEqual({ yellow: 0.8, red: 0.95 });
    expect(movingPercentile(9, history)?.percentiles).toEqual({ yellow: 0.8, red: null });
  });

  it('never signals below the minimum count, even over a history of zeros', () => {
    const quiet = new Array(15).fill(0);
    expect(movingPercentile(2, quiet)?.level).toBe('none');
    expect(movingPercentile(3, quiet)?.level).toBe('red');
  });

  it('has no baseline with too little history (EARS applies then)', () => {
    expect(movingPercentile(10, [1, 2, 3])).toBeNull();
  });

  it('finds the same window and its neighbours in each of the three previous years', () => {
    const ends = baselineWindowEnds('20240315');
    expect(ends).toHaveLength(15);
    expect(ends.slice(0, 5)).toEqual(['20230301', '20230308', '20230315', '20230322', '20230329']);
    expect(ends.slice(10)).toEqual(['20210301', '20210308', '20210315', '20210322', '20210329']);
    // 29 February has no same date in a common year: 28 February stands in.
    expect(baselineWindowEnds('20240229', { years: 1, neighbourWeeks: 0 })).toEqual(['20230228']);
  });
});

describe('EARS', () => {
  // C2 baseline t−9…t−3 = 2 3 1 4 2 3 2: mean 17/7 = 2.428571, Σ(x − mean)² = 40/7, sd = √(40/42) = 0.975900;
  // x_t = 9: C2 = (9 − 17/7) / 0.975900 = 6.733711.
  const series = [2, 3, 1, 4, 2, 3, 2, 5, 6, 9];

  it('reproduces the hand-worked mean and sample sd', () => {
    const { mean, sd } = meanAndSd([2, 3, 1, 4, 2, 3, 2]);
    expect(mean).toBeCloseTo(2.428571, 6);
    expect(sd).toBeCloseTo(0.9759, 6);
  });

  it('C2 = 6.733711 and signals (> 3)', () => {
    const c2 = earsC2(series)!;
    expect(c2.statistic).toBeCloseTo(6.733711, 6);
    expect(c2.baseline).toEqual([2, 3, 1, 4, 2, 3, 2]);
    expect(c2.level).toBe('yellow');
  });

  it('C1 over t−7…t−1 = 1 4 2 3 2 5 6: mean 23/7, sd 1.799471, C1 = (9 − 23/7)/1.799471 = 3.175537', () => {
    expect(earsC1(series)!.statistic).toBeCloseTo(3.175537, 6);
    expect(earsC1(series)!.level).toBe('yellow');
    expect(earsC1([2, 3, 1, 4, 2, 3, 2, 5, 6, 5])!.level).toBe('none');
  });

  it('C3 sums C2 − 1 over the last three days (hand-worked: 5.992343 + 3.346591 + 2.023716 = 11.362650)', () => {
    // Every C2 baseline here has mean 5/7 and sd √(4/7) = 0.755929; x = 3, 4, 6 on the last three days.
    const c3 = earsC3([0, 1, 0, 2, 1, 0, 1, 0, 1, 3, 4, 6])!;
    expect(c3.statistic).toBeCloseTo(11.36265, 5);
    expect(c3.level).toBe('yellow');
  });

  it('floors sd so a baseline of zeros does not divide by zero, and respects the minimum count', () => {
    const flat = [0, 0, 0, 0, 0, 0, 0, 0, 0, 2];
    expect(earsC2(flat)!.statistic).toBe(4); // (2 − 0) / 0.5
    expect(earsC2([0, 0, 0, 0, 0, 0, 0, 0, 0, 1])!.level).toBe('none'); // statistic 2, and 1 case < minCount
  });

  it('needs 8, 10 and 12 days of series', () => {
    expect(earsC1(new Array(7).fill(1))).toBeNull();
    expect(earsC2(new Array(9).fill(1))).toBeNull();
    expect(earsC3(new Array(11).fill(1))).toBeNull();
  });
});
