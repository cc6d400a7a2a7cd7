import type { ConfigService } from '@nestjs/config';
import { counterCellKey, type CounterKey } from '@lib/indicators';
import type { AggregatorEnvironment } from '../aggregator.environment';
import { CounterIds } from './counter-ids';

const config = (cached: number) => ({ get: () => cached }) as unknown as ConfigService<AggregatorEnvironment, true>;
const counter = (region: string, period: string): CounterKey => ({
  indicator: 'county_visit_rate',
  measure: 'numerator',
  level: 'county',
  region,
  period,
  dims: '',
});
const idOf = (ids: CounterIds, c: CounterKey) => ids.idOf(counterCellKey(c), c.measure, c.period);

describe('CounterIds', () => {
  it('knows the ids a fold answered with, by cell, measure and period', () => {
    const ids = new CounterIds(config(100));
    ids.learn([counter('610921', '202403'), counter('610921', '202404'), counter('610922', '202403')], [7, 8, 9]);
    expect(idOf(ids, counter('610921', '202403'))).toBe(7);
    expect(idOf(ids, counter('610921', '202404'))).toBe(8);
    expect(idOf(ids, counter('610922', '202403'))).toBe(9);
    expect(idOf(ids, counter('610922', '202404'))).toBeUndefined();
    expect(ids.idOf(counterCellKey(counter('610921', '202403')), 'denominator', '202403')).toBeUndefined();
  });

  it('keeps at most its size: a full generation retires the older one, a hit in the older one is kept', () => {
    const ids = new CounterIds(config(4)); // two generations of two
    ids.learn([counter('1', 'a'), counter('2', 'a')], [1, 2]);
    ids.learn([counter('3', 'a')], [3]); // {1, 2} become the older generation
    expect(idOf(ids, counter('1', 'a'))).toBe(1); // promoted next to 3: the newer one is full again
    ids.learn([counter('4', 'a')], [4]); // {3, 1} older; 2 is forgotten
    expect(idOf(ids, counter('2', 'a'))).toBeUndefined();
    expect(['1', '3', '4'].map((region) => idOf(ids, counter(region, 'a')))).toEqual([1, 3, 4]);
  });

  it('remembers nothing when sized 0: every change is named by key', () => {
    const ids = new CounterIds(config(0));
    ids.learn([counter('610921', '202403')], [7]);
    expect(idOf(ids, counter('610921', '202403'))).toBeUndefined();
  });
});
