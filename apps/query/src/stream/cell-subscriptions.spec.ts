import type { IndicatorChange } from '@lib/indicator-readings';
import type { ReadDependencies } from '../cache/computed-reads';
import { CellSubscriptions } from './cell-subscriptions';

const yearOf2026 = (regions: string[], indicator = 'county_visit_rate'): ReadDependencies => ({
  indicator,
  level: 'county',
  dims: '',
  regions,
  counters: [{ granularity: 'year', from: null, to: '2026' }],
  years: [2026],
  populations: false,
});
const change = (region: string, period = '2026', indicator = 'county_visit_rate'): IndicatorChange => ({
  indicator,
  level: 'county',
  region,
  period,
  dims: '',
  values: { numerator: 1 },
  asOf: '2026-11-23T01:00:00.000Z',
});

describe('CellSubscriptions', () => {
  it('marks only the subscribed rows a change reads, once per window however often they change', () => {
    const subs = new CellSubscriptions<string, string>();
    subs.subscribe('a', [{ key: 'city', request: 'city', dependsOn: yearOf2026(['610921', '610922']) }]);
    subs.noteChanges([
      change('610921'),
      change('610921'),
      change('610921'),
      change('610930'),
      change('610922', '2026', 'home_visits'),
      change('610922', '202611'),
    ]);
    const taken = subs.takeChanged();
    expect(taken.map(({ topic, regions }) => [topic.key, [...regions]])).toEqual([['city', ['610921']]]);
    expect(subs.takeChanged()).toEqual([]);
  });

  it('shares a topic between connections and drops it with its last subscriber', () => {
    const subs = new CellSubscriptions<string, string>();
    const topic = { key: 'city', request: 'city', dependsOn: yearOf2026(['610921']) };
    const leaveA = subs.subscribe('a', [topic]);
    const leaveB = subs.subscribe('b', [topic]);
    expect(subs.topicCount).toBe(1);
    subs.noteChanges([change('610921')]);
    expect([...subs.takeChanged()[0].topic.subscribers]).toEqual(['a', 'b']);
    leaveA();
    leaveA();
    expect(subs.topicCount).toBe(1);
    leaveB();
    expect(subs.topicCount).toBe(0);
    subs.noteChanges([change('610921')]);
    expect(subs.takeChanged()).toEqual([]);
  });

  it('hands rows whose read failed to the next window', () => {
    const subs = new CellSubscriptions<string, string>();
    subs.subscribe('a', [{ key: 'city', request: 'city', dependsOn: yearOf2026(['610921', '610922']) }]);
    subs.noteChanges([change('610921')]);
    const [{ topic, regions }] = subs.takeChanged();
    subs.noteChanges([change('610922')]);
    subs.markChanged(topic, regions);
    expect([...subs.takeChanged()[0].regions].sort()).toEqual(['610921', '610922']);
  });
});
