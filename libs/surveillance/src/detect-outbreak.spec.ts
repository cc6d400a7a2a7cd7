import { detectOutbreak } from './detect-outbreak';

describe('detectOutbreak: the method for a county and disease', () => {
  const quiet = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

  it('one cholera case in the window is red by fixed threshold, whatever the history', () => {
    expect(detectOutbreak('cholera', [...quiet.slice(1), 1], [])).toMatchObject({ method: 'fixed_threshold', level: 'red', observed: 1 });
    expect(detectOutbreak('cholera', quiet, [])).toMatchObject({ method: 'fixed_threshold', level: 'none' });
  });

  it('with 15 historical windows judges the 7-day window by moving percentile', () => {
    const history = [1, 2, 2, 3, 1, 0, 4, 2, 3, 5, 1, 2, 3, 2, 4];
    // P80: h = 14 × 0.8 = 11.2 over 0,1,1,1,2,2,2,2,2,3,3,3,4,4,5: 3 + 0.2 × (4 − 3) = 3.2; maximum 5.
    const yellow = detectOutbreak('measles', [0, 0, 0, 0, 0, 1, 1, 0, 1, 0, 1, 1], history);
    expect(yellow).toMatchObject({ method: 'moving_percentile', level: 'yellow', observed: 5 }); // 5 is not above the maximum 5
    expect(yellow!.thresholds.yellow).toBeCloseTo(3.2, 12);
    expect(detectOutbreak('measles', [0, 0, 0, 0, 0, 0, 1, 2, 1, 0, 1, 1], history)).toMatchObject({ level: 'red', observed: 6, thresholds: { red: 5 } });
  });

  it('without history falls back to EARS and names the statistic that signalled', () => {
    // Baseline of C2 (days 1–7) all zero: sd floored at 0.5; today 4 → C2 = 8 > 3; C3 sums C2 − 1 over the last three days.
    const signal = detectOutbreak('measles', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4], []);
    expect(signal).toMatchObject({ method: 'ears_c3', level: 'yellow', observed: 4, statistic: 7 });
    expect(detectOutbreak('measles', quiet, [])).toMatchObject({ method: 'ears_c3', level: 'none' });
    expect(detectOutbreak('measles', [0, 0, 0], [])).toBeNull();
  });

  it('judges EARS on each day of the window: a cluster reported yesterday still signals after midnight, for seven days', () => {
    const series = (clusterDaysAgo: number) => Array.from({ length: 18 }, (_, i) => (i === 17 - clusterDaysAgo ? 6 : 0));
    expect(detectOutbreak('measles', series(0), [])).toMatchObject({ method: 'ears_c3', level: 'yellow', observed: 6, daysAgo: 0 });
    expect(detectOutbreak('measles', series(1), [])).toMatchObject({ method: 'ears_c3', level: 'yellow', observed: 6, daysAgo: 1 });
    expect(detectOutbreak('measles', series(6), [])).toMatchObject({ level: 'yellow', observed: 6, daysAgo: 6 });
    // Out of the window: today's C3 "none", over today's count.
    expect(detectOutbreak('measles', series(7), [])).toMatchObject({ method: 'ears_c3', level: 'none', observed: 0, daysAgo: 0 });
  });

  it('takes the newest day that signals', () => {
    const daily = Array.from({ length: 18 }, () => 0);
    daily[11] = 2; // signals on its own (C2 = 2 / 0.5 = 4)
    daily[16] = 6;
    expect(detectOutbreak('measles', daily, [])).toMatchObject({ method: 'ears_c3', level: 'yellow', observed: 6, daysAgo: 1 });
  });
});
