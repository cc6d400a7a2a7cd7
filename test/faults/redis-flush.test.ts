import { Producer } from 'kafkajs';
import { LIVE_COUNTERS_READY } from '@lib/indicator-readings';
import { counterStorageKey, Measure, RegionLevel } from '@lib/indicators';
import { AppProcess, eventually } from '../support/app-process';
import { issueBureauToken } from '../support/bureau-fixture';
import { syntheticLoad } from '../aggregator/support/synthetic-events';
import { canonicalProducer, produceCanonical, settled } from './support/aggregation';
import { FaultBed } from './support/fault-bed';
import { size } from './support/fault-config';
import { recordFigures } from './support/figures';
import { compareCounters, Counters, referenceCounters, storedCounters } from '../support/reference-counters';
import { seedSyntheticProvince } from './support/synthetic-province';

const PROVINCE = '64';
const EVENTS = size(3000, 15_000);
const FLUSHES = size(1, 3);

/**
 * Redis lost (this run's keys deleted — FLUSHALL would hit other runs on the machine) while events
 * keep coming, then the aggregator restarted as after a Redis restart: the live values are rebuilt
 * from PostgreSQL and equal the reference, and the query API answers the reference's values
 * throughout (it reads PostgreSQL; Redis is only the live cache).
 */
describe('fault: Redis flushed and restarted', () => {
  const bed = new FaultBed('redis');
  const query = bed.app('query', 3997);
  let aggregator: AppProcess;
  let producer: Producer;
  let token = '';

  beforeAll(async () => {
    await bed.setup();
    await seedSyntheticProvince(bed.pool, PROVINCE);
    token = await issueBureauToken(bed.pool, `${PROVINCE}0000`);
    producer = canonicalProducer(bed);
    await producer.connect();
    await bed.redis.connect();
    aggregator = bed.app('aggregator', 3998);
    await Promise.all([aggregator.start(), query.start()]);
  });

  afterAll(async () => {
    await Promise.all([aggregator?.stop(), query.stop()]);
    await producer.disconnect();
    await bed.teardown();
  });

  it(`rebuilds live values after ${FLUSHES} flush(es) under ${EVENTS} messages`, async () => {
    const load = syntheticLoad(PROVINCE, EVENTS, 64);
    const expected = referenceCounters(load.arrival, PROVINCE);
    const prefix = bed.env.REDIS_KEY_PREFIX;
    const per = Math.ceil(load.arrival.length / (FLUSHES + 1));
    let deleted = 0;
    for (let s = 0; s <= FLUSHES; s += 1) {
      await produceCanonical(producer, bed, load.arrival.slice(s * per, (s + 1) * per));
      if (s === FLUSHES) break;
      // Flush once the slice is live, so the cache really holds values to lose.
      await settled(bed);
      deleted += await deletePrefix(bed.redis, prefix);
    }
    await settled(bed);

    // Between the flush and the restart the query API still answers right: it reads PostgreSQL.
    const apiBefore = await apiMismatches(query.url, token, PROVINCE, expected);

    // The restart-equivalent: a new aggregator finds the ready mark gone and refills from PostgreSQL.
    await aggregator.kill();
    await aggregator.start();
    await eventually(
      () => bed.redis.exists(`${prefix}${LIVE_COUNTERS_READY}`),
      (n) => n === 1,
      60_000,
    );
    // The refill copies the folded counters; the changes still in the counter log reach Redis with
    // the fold that follows (and its announcement): wait for both, as a reader would a second later.
    await eventually(
      async () =>
        (
          await bed.pool.query<{ pending: string }>(
            'SELECT (SELECT count(*) FROM indicator_counter_log) + (SELECT count(*) FROM unannounced_counter_folds) AS pending',
          )
        ).rows[0].pending,
      (pending) => pending === '0',
      60_000,
    );

    const live = await liveCounters(bed.redis, prefix, PROVINCE);
    const stored = await storedCounters(bed.pool, PROVINCE);
    const liveDiff = compareCounters(live, stored);
    const storedDiff = compareCounters(stored, expected);
    const apiAfter = await apiMismatches(query.url, token, PROVINCE, expected);
    recordFigures('redis-flush', {
      messages: load.arrival.length,
      flushes: FLUSHES,
      keysDeleted: deleted,
      liveCells: live.size,
      counters: expected.size,
      liveVsPostgres: liveDiff.lines.length,
      lost: storedDiff.lost,
      doubled: storedDiff.doubled,
      apiMismatches: apiBefore.length + apiAfter.length,
    });
    expect(storedDiff.lines).toEqual([]);
    expect(liveDiff.lines).toEqual([]);
    expect(apiBefore).toEqual([]);
    expect(apiAfter).toEqual([]);
  }, 180_000);
});

/**
 * Deletes this run's keys in one step, as FLUSHALL would (FLUSHALL itself would hit other runs on the
 * machine): a deletion spread over SCAN pages would let the aggregator's writes interleave with it.
 */
async function deletePrefix(redis: import('ioredis').default, prefix: string): Promise<number> {
  const script = `
    local keys = redis.call('KEYS', ARGV[1])
    for i = 1, #keys, 5000 do redis.call('DEL', unpack(keys, i, math.min(i + 4999, #keys))) end
    return #keys`;
  return Number(await redis.eval(script, 0, `${prefix}*`));
}

/** The live cache read back into the reference's shape (layout: libs/indicator-readings/src/live-counter-keys.ts). */
async function liveCounters(redis: import('ioredis').default, prefix: string, regionPrefix: string): Promise<Counters> {
  const out: Counters = new Map();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}counter:*:*:${regionPrefix}*`, 'COUNT', 1000);
    cursor = next;
    for (const key of keys) {
      const [, indicator, level, region, , ...dims] = key.slice(prefix.length).split(':');
      for (const [field, json] of Object.entries(await redis.hgetall(key))) {
        const [measure, period] = field.split(':');
        const value = (JSON.parse(json) as { value: number }).value;
        if (value !== 0)
          out.set(counterStorageKey({ indicator, measure: measure as Measure, level: level as RegionLevel, region, period, dims: dims.join(':') }), value);
      }
    }
  } while (cursor !== '0');
  return out;
}

/** 县域就诊率 of 2024 for every county of the province, as the API answers it vs the reference. */
const MONTHS_OF_2024 = Array.from({ length: 12 }, (_, i) => `2024${String(i + 1).padStart(2, '0')}`);

async function apiMismatches(url: string, token: string, province: string, expected: Counters): Promise<string[]> {
  const mismatches: string[] = [];
  for (const city of ['01', '02']) {
    const response = await fetch(`${url}/v1/indicators/county_visit_rate/values?period=2024&region=${province}${city}00&level=county`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await response.json()) as { values: { region: string; numerator: number | null; denominator: number | null }[] };
    for (const v of body.values) {
      // The year's value is the sum of its months (the counters stored for an indicator that adds up).
      const want = (measure: Measure) =>
        MONTHS_OF_2024.reduce(
          (sum, period) =>
            sum + (expected.get(counterStorageKey({ indicator: 'county_visit_rate', measure, level: 'county', region: v.region, period, dims: '' })) ?? 0),
          0,
        );
      if ((v.numerator ?? 0) !== want('numerator') || (v.denominator ?? 0) !== want('denominator')) {
        mismatches.push(`${v.region}: api ${v.numerator}/${v.denominator}, reference ${want('numerator')}/${want('denominator')}`);
      }
    }
  }
  return mismatches;
}
