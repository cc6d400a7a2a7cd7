import type { ConfigService } from '@nestjs/config';
import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { LIVE_COUNTERS_READY } from '@lib/indicator-readings';
import type { AggregatorEnvironment } from '../../apps/aggregator/src/aggregator.environment';
import type { CounterValue } from '../../apps/aggregator/src/counting/counter-delta';
import type { IndicatorCountersRepository } from '../../apps/aggregator/src/counter-log/indicator-counters.repository';
import type { IndicatorChangesPublisher } from '../../apps/aggregator/src/live/indicator-changes.publisher';
import { LiveCountersRefill } from '../../apps/aggregator/src/live/live-counters-refill';
import { LiveCountersCache } from '../../apps/aggregator/src/live/live-counters.cache';
import { testEnvironment } from '../support/test-environment';

/**
 * The live-cache refill against this file's own Redis prefix, with PostgreSQL's counters given by a
 * fake repository that pauses between pages: a loss of the cache while the refill copies leaves the
 * cache unmarked (the next refill redoes it), an undisturbed refill marks it complete.
 */
describe('LiveCountersRefill on Redis', () => {
  const env = testEnvironment();
  const redis = new Redis(env.REDIS_URL, { keyPrefix: env.REDIS_KEY_PREFIX, lazyConnect: true });
  let betweenPages: () => Promise<unknown> = () => Promise.resolve();
  const value = (region: string): CounterValue => ({
    indicator: 'referrals_up',
    measure: 'value',
    level: 'county',
    region,
    period: '202403',
    dims: '',
    value: 1,
    revision: 1,
    asOf: '2024-03-15T00:00:00.000Z',
  });
  const counters = {
    async *pages() {
      yield [value('610921')];
      await betweenPages();
      yield [value('610922')];
    },
  } as unknown as IndicatorCountersRepository;
  const config = { get: () => 30_000 } as unknown as ConfigService<AggregatorEnvironment, true>;
  const refill = new LiveCountersRefill(redis, counters, new LiveCountersCache(redis), {} as IndicatorChangesPublisher, config);

  beforeAll(async () => {
    Logger.overrideLogger(false); // the lost-cache warning is expected
    await redis.connect();
  });
  afterAll(async () => {
    const keys = await redis.keys(`${env.REDIS_KEY_PREFIX}*`);
    if (keys.length > 0) await redis.del(...keys.map((k) => k.slice(env.REDIS_KEY_PREFIX.length)));
    redis.disconnect();
  });

  it('does not mark the cache complete when it is lost while the refill copies, and marks it on the next undisturbed refill', async () => {
    betweenPages = () => redis.del(LIVE_COUNTERS_READY, 'counter:@refilling', 'counter:referrals_up:county:610921:month:');
    expect(await refill.refillIfEmpty()).toBe(false);
    expect(await redis.exists(LIVE_COUNTERS_READY)).toBe(0);

    betweenPages = () => Promise.resolve();
    expect(await refill.refillIfEmpty()).toBe(true);
    expect(await redis.exists(LIVE_COUNTERS_READY)).toBe(1);
    expect(await redis.hget('counter:referrals_up:county:610921:month:', 'value:202403')).toContain('"value":1');
    expect(await redis.hget('counter:referrals_up:county:610922:month:', 'value:202403')).toContain('"value":1');
  });
});
