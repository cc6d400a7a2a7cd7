import Redis from 'ioredis';
import type { HealthEvent, VisitEvent } from '@lib/contracts';
import { LIVE_COUNTERS_READY } from '@lib/indicator-readings';
import { eventually } from '../support/app-process';
import { issueBureauToken } from '../support/bureau-fixture';
import { Pipeline } from '../support/pipeline';
import { freshExamples } from '../ingest/event-fixtures';

/** Live periods are read from the aggregator's Redis cache, history from PostgreSQL; the two agree. */
describe('live values: Redis and PostgreSQL agree', () => {
  // The counters' two sources are compared, not the computed answers above them: the query app keeps none.
  const pipeline = new Pipeline(3991, { QUERY_CACHE_TTL_MS: '0' });
  const { env, pool, query } = pipeline;
  const redis = new Redis(env.REDIS_URL, { keyPrefix: env.REDIS_KEY_PREFIX });

  beforeAll(() => pipeline.start());
  afterAll(async () => {
    await pipeline.stop();
    redis.disconnect();
  });

  const reads = async (source: string) => {
    const text = await (await fetch(`${query.url}/metrics`)).text();
    return Number(new RegExp(`indicator_reads_total\\{source="${source}",app="query"\\} (\\d+)`).exec(text)?.[1] ?? 0);
  };

  it('gives the same values from the cache and from the database', async () => {
    const template = freshExamples().find((e) => e.type === 'visit' && e.action === 'outpatient') as VisitEvent;
    const visits = ['610923-THC-001', '610923-THC-001', '610902-CITY-001'].map((institutionId, i) => ({
      ...template,
      eventId: `LIVE-${Date.now()}-${i}`,
      institutionId,
      person: { ...template.person, residenceRegion: '610923' },
    })) as HealthEvent[];
    expect(await pipeline.report(visits)).toEqual([202, 202, 202]);
    const token = await issueBureauToken(pool, '610900');
    const year = String(new Date(template.occurredAt).getUTCFullYear());
    const path = `/v1/indicators/county_visit_rate/values?period=${year}&region=610900&level=county`;
    const read = async () =>
      (await (await fetch(`${query.url}${path}`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
        values: { region: string; value: number | null; denominator: number | null }[];
      };

    await eventually(
      () => redis.exists(LIVE_COUNTERS_READY),
      (n) => n === 1,
      30_000,
    );
    const fromCache = await eventually(read, (b) => b.values.find((v) => v.region === '610923')?.denominator === 3, 30_000);
    const redisReads = await reads('redis');
    expect(redisReads).toBeGreaterThan(0);
    expect(fromCache.values.find((v) => v.region === '610923')?.value).toBeCloseTo(2 / 3, 10);

    await redis.del(LIVE_COUNTERS_READY); // the cache is no longer trusted: PostgreSQL answers
    const fromDatabase = await read();
    expect(await reads('postgres')).toBeGreaterThan(0);
    expect(await reads('redis')).toBe(redisReads);
    expect(fromDatabase.values).toEqual(fromCache.values);
  });
});
