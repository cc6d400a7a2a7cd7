import Redis from 'ioredis';
import { LIVE_COUNTERS_READY, LiveCounters } from '@lib/indicator-readings';
import type { CounterValue } from '../../apps/aggregator/src/counting/counter-delta';
import { LiveCountersCache } from '../../apps/aggregator/src/live/live-counters.cache';
import { testEnvironment } from '../support/test-environment';

/**
 * The aggregator's Redis writer and the readers' Redis reader on this file's own key prefix: while
 * folds are written, a reader of a cell sees each fold's changes to it all or none. Every "fold" here
 * sets both measures of 40 county cells (a rate's numerator and denominator), over months and
 * quarters, to the fold's number: more fields than one script call writes, so a reader that saw them apart would find the two unequal.
 */
describe('live counters in Redis: a reader sees a fold of a cell whole', () => {
  const env = testEnvironment();
  const redis = new Redis(env.REDIS_URL, { keyPrefix: env.REDIS_KEY_PREFIX, lazyConnect: true });
  const reader = new Redis(env.REDIS_URL, { keyPrefix: env.REDIS_KEY_PREFIX, lazyConnect: true });
  const regions = Array.from({ length: 40 }, (_, i) => String(610_000 + i));
  // Two granularities: a cell's months and quarters are two hashes, read together.
  const periods = [...Array.from({ length: 5 }, (_, i) => `2026${String(i + 1).padStart(2, '0')}`), '2026Q1', '2026Q2'];
  const fold = (revision: number): CounterValue[] =>
    regions.flatMap((region) =>
      (['numerator', 'denominator'] as const).flatMap((measure) =>
        periods.map((period) => ({
          indicator: 'county_visit_rate',
          measure,
          level: 'county' as const,
          region,
          period,
          dims: '',
          value: revision,
          revision,
          asOf: '2026-11-30T00:00:00.000Z',
        })),
      ),
    );

  beforeAll(() => Promise.all([redis.connect(), reader.connect()]));
  afterAll(async () => {
    const keys = await redis.keys(`${env.REDIS_KEY_PREFIX}*`);
    if (keys.length > 0) await redis.del(...keys.map((k) => k.slice(env.REDIS_KEY_PREFIX.length)));
    redis.disconnect();
    reader.disconnect();
  });

  it('never shows one measure of a cell from a fold the other has not reached', async () => {
    const cache = new LiveCountersCache(redis);
    const live = new LiveCounters(reader);
    await redis.set(LIVE_COUNTERS_READY, 'test');
    expect(await cache.write(fold(1))).toBe(true);

    let writing = true;
    const writer = (async () => {
      for (let revision = 2; revision <= 60; revision++) expect(await cache.write(fold(revision))).toBe(true);
      writing = false;
    })();
    let reads = 0;
    const torn: string[] = [];
    while (writing) {
      const rows = (await live.rows('county_visit_rate', 'county', regions, '', ['month', 'quarter'])) ?? [];
      expect(rows).toHaveLength(regions.length * 2 * periods.length);
      const byRegion = new Map<string, Set<number>>();
      for (const row of rows) byRegion.set(row.region, (byRegion.get(row.region) ?? new Set()).add(row.value));
      for (const [region, values] of byRegion) if (values.size > 1) torn.push(`${region}: ${[...values].join(' and ')}`);
      reads++;
    }
    await writer;
    expect(reads).toBeGreaterThan(0);
    expect(torn).toEqual([]);
  });
});
