import type { CounterValue } from '../counting/counter-delta';
import { indicatorChanges } from './indicator-changes.publisher';

const value = (measure: CounterValue['measure'], period: string, v: number, asOf: string): CounterValue => ({
  indicator: 'county_visit_rate', measure, level: 'county', region: '610921', period, dims: '', value: v, revision: 1, asOf,
});

describe('indicatorChanges', () => {
  it('announces one change per cell and period with the new value of each changed measure and the latest asOf', () => {
    expect(
      indicatorChanges([
        value('numerator', '202403', 2, '2024-03-05T01:00:00.000Z'),
        value('denominator', '202403', 4, '2024-03-05T02:00:00.000Z'),
        value('denominator', '2024', 9, '2024-03-05T02:00:00.000Z'),
      ]),
    ).toEqual([
      { indicator: 'county_visit_rate', level: 'county', region: '610921', period: '202403', dims: '', values: { numerator: 2, denominator: 4 }, asOf: '2024-03-05T02:00:00.000Z' },
      { indicator: 'county_visit_rate', level: 'county', region: '610921', period: '2024', dims: '', values: { denominator: 9 }, asOf: '2024-03-05T02:00:00.000Z' },
    ]);
  });
});
