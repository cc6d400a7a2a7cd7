import type { CounterValue } from '../counting/counter-delta';
import { indicatorChanges } from './indicator-changes.publisher';

const value = (measure: CounterValue['measure'], period: string, v: number, asOf: string): CounterValue => ({
  indicator: 'county_visit_rate',
  measure,
  level: 'county',
  region: '610921',
  period,
  dims: '',
  value: v,
  revision: 1,
  asOf,
});

describe('indicatorChanges', () => {
  it('announces one change per cell with the new value of each changed measure per period and the latest asOf', () => {
    expect(
      indicatorChanges([
        value('numerator', '202403', 2, '2024-03-05T01:00:00.000Z'),
        value('denominator', '202403', 4, '2024-03-05T02:00:00.000Z'),
        value('denominator', '2024', 9, '2024-03-05T02:00:00.000Z'),
      ]),
    ).toEqual([
      {
        indicator: 'county_visit_rate',
        level: 'county',
        region: '610921',
        dims: '',
        periods: { '202403': { numerator: 2, denominator: 4 }, '2024': { denominator: 9 } },
        asOf: '2024-03-05T02:00:00.000Z',
      },
    ]);
  });
});
