import http from 'node:http';
import { Partitioners, Producer } from 'kafkajs';
import { Pool } from 'pg';
import { createKafkaClient, TOPICS } from '@lib/kafka';
import type { IndicatorChangeMessage } from '@lib/indicator-readings';
import { TargetsRepository } from '@lib/targets-store';
import { AppProcess, eventually } from '../support/app-process';
import { issueBureauToken } from '../support/bureau-fixture';
import { storedPeriodOf, writeCounters } from '../support/counters-fixture';
import { seedRegistry } from '../support/registry-fixture';
import { SseClient } from '../support/sse-client';
import { testEnvironment } from '../support/test-environment';

/**
 * Values, rankings and series come from the query app's computed-reads cache: what the change feed,
 * a target change or a population upload names is read anew at once, and no bureau gets an answer
 * cached for another. The TTL here outlives the test, so only invalidation can refresh an answer.
 */
describe('computed-reads cache', () => {
  const env = testEnvironment();
  const pool = new Pool({ connectionString: env.DATABASE_URL });
  const query = new AppProcess('query', 3955, { QUERY_CACHE_TTL_MS: '600000' });
  const tokens: Record<string, string> = {};
  let producer: Producer;

  const counter = (region: string, period: string, numerator: number, denominator: number) =>
    writeCounters(pool, [
      { indicator: 'county_visit_rate', level: 'county', region, measure: 'numerator', period, value: numerator },
      { indicator: 'county_visit_rate', level: 'county', region, measure: 'denominator', period, value: denominator },
    ]);
  /** What the aggregator publishes once the counters are committed (and Redis written), at the period they are stored at. */
  const announce = (region: string, period: string, numerator: number, denominator: number) => {
    const message: IndicatorChangeMessage = {
      indicator: 'county_visit_rate',
      level: 'county',
      region,
      dims: '',
      periods: { [storedPeriodOf('county_visit_rate', period)]: { numerator, denominator } },
      asOf: new Date().toISOString(),
    };
    return producer.send({ topic: env.KAFKA_TOPIC_PREFIX + TOPICS.indicatorChanges, messages: [{ key: region, value: JSON.stringify(message) }] });
  };
  const get = async (path: string, token: string) => {
    const response = await fetch(`${query.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const text = await response.text();
    return { status: response.status, text, body: text.startsWith('{') ? (JSON.parse(text) as Record<string, any>) : undefined };
  };
  const reads = async (outcome: string) => {
    const text = await (await fetch(`${query.url}/metrics`)).text();
    return Number(new RegExp(`query_computed_reads_total\\{outcome="${outcome}",app="query"\\} (\\d+)`).exec(text)?.[1] ?? 0);
  };

  const VALUES = '/v1/indicators/county_visit_rate/values?period=2024&region=610921';
  const RANKING = '/v1/indicators/county_visit_rate/ranking?period=2024&region=610900&level=county';
  const SERIES = '/v1/indicators/county_visit_rate/series?region=610921&from=2024&to=2024';

  beforeAll(async () => {
    await seedRegistry(pool);
    for (const region of ['610900', '610921', '610902']) tokens[region] = await issueBureauToken(pool, region);
    await counter('610921', '2024', 900, 1000); // above the minimum of cases, so the county is ranked
    producer = createKafkaClient(env, 'computed-reads-test').producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await query.start();
    // Answers are kept once the change feed's consumer has joined: until then every read computes.
    await eventually(
      async () => (await get(VALUES, tokens['610900']), reads('hit')),
      (hits) => hits > 0,
      30_000,
    );
  });

  afterAll(async () => {
    await query.stop();
    await producer.disconnect();
    await pool.end();
  });

  it('answers a value read right after its change-feed message with the new value', async () => {
    const city = tokens['610900'];
    const row = async (path: string, pick: (body: Record<string, any>) => any) => pick((await get(path, city)).body ?? {});
    const valueOf = (body: Record<string, any>) => body.values[0];
    const rankedOf = (body: Record<string, any>) => body.ranking.find((r: { region: string }) => r.region === '610921');
    const seriesOf = (body: Record<string, any>) => body.series[0];
    for (const [path, pick] of [
      [VALUES, valueOf],
      [RANKING, rankedOf],
      [SERIES, seriesOf],
    ] as const) {
      expect(await row(path, pick)).toMatchObject({ numerator: 900, denominator: 1000 });
    }

    // Unannounced, a change in the database is not seen: these answers come from the cache.
    await counter('610921', '2024', 950, 1000);
    const hits = await reads('hit');
    expect(await row(VALUES, valueOf)).toMatchObject({ numerator: 900 });
    expect(await reads('hit')).toBeGreaterThan(hits);

    // The stream pushes a change after the query app has handled its message, invalidation included.
    const stream = await SseClient.open(`${query.url}/v1/stream?token=${city}&region=610921`);
    expect(stream.status).toBe(200);
    await announce('610921', '2024', 950, 1000);
    await eventually(
      () => stream.events.filter((e) => e.type === 'value'),
      (events) => events.length > 0,
      30_000,
    );
    stream.close();
    expect(await row(VALUES, valueOf)).toMatchObject({ numerator: 950, denominator: 1000, value: 0.95 });
    expect(await row(RANKING, rankedOf)).toMatchObject({ numerator: 950, value: 0.95, rank: 1, belowMinimum: false });
    expect(await row(SERIES, seriesOf)).toMatchObject({ period: '2024', numerator: 950, value: 0.95 });
  });

  it('never gives one bureau an answer cached for another: 403 stays 403', async () => {
    const paths = [VALUES, `${VALUES}&format=csv`, `${VALUES}&format=fhir`, '/v1/indicators/county_visit_rate/ranking?period=2024&region=610921', SERIES];
    for (const path of paths) expect((await get(path, tokens['610900'])).status).toBe(200); // cached for the city
    for (let round = 0; round < 2; round++) {
      for (const path of paths) expect({ path, ...(await get(path, tokens['610902'])) }).toMatchObject({ path, status: 403, body: { code: 'out_of_scope' } });
    }
    expect((await get(VALUES, tokens['610921'])).body?.values[0]).toMatchObject({ region: '610921', value: 0.95 });
  });

  it('answers a cached read ahead of the controller exactly as the controller does', async () => {
    const city = tokens['610900'];
    const routed = async (route: string, status: string) => {
      const text = await (await fetch(`${query.url}/metrics`)).text();
      const line = text
        .split('\n')
        .find(
          (l) =>
            l.startsWith('http_request_duration_seconds_count{') &&
            [`route="${route}"`, 'method="GET"', `status="${status}"`].every((label) => l.includes(label)),
        );
      return Number(line?.split(' ')[1] ?? 0);
    };
    for (const [path, route] of [
      ['/v1/indicators/county_visit_rate/values?period=2023&region=610900&level=county', '/v1/indicators/:code/values'],
      ['/v1/indicators/county_visit_rate/series?region=610921&from=2023&to=2023', '/v1/indicators/:code/series'],
    ]) {
      const hitsBefore = await reads('hit');
      const [computed, cached] = [
        await fetch(`${query.url}${path}`, { headers: { authorization: `Bearer ${city}` } }),
        await fetch(`${query.url}${path}`, { headers: { authorization: `Bearer ${city}` } }),
      ];
      expect(await reads('hit')).toBe(hitsBefore + 1);
      expect(cached.status).toBe(200);
      expect(await cached.text()).toBe(await computed.text());
      for (const header of ['content-type', 'content-length', 'etag', 'x-content-type-options', 'strict-transport-security']) {
        expect({ header, value: cached.headers.get(header) }).toEqual({ header, value: computed.headers.get(header) });
      }
      // A conditional GET of an unchanged answer, as Express answers it; counted under the route, never as unrouted.
      // (node:http: fetch adds Cache-Control: no-cache to a conditional request, which Express then answers in full.)
      const answered = await routed(route, '304');
      const conditional = await new Promise<number | undefined>((resolve, reject) => {
        http
          .get(`${query.url}${path}`, { headers: { authorization: `Bearer ${city}`, 'if-none-match': cached.headers.get('etag') ?? '' } }, (response) => {
            response.resume();
            response.on('end', () => resolve(response.statusCode));
          })
          .on('error', reject);
      });
      expect(conditional).toBe(304);
      expect(await routed(route, '304')).toBe(answered + 1);
    }
  });

  it('answers with a changed target as soon as PostgreSQL notifies it', async () => {
    expect((await get(VALUES, tokens['610921'])).body?.values[0]).toMatchObject({ target: null, status: 'none' });
    // As PUT /v1/targets of the alerting app stores it.
    await new TargetsRepository(pool).upsert([
      {
        indicator: 'county_visit_rate',
        scope: 'default:county',
        year: 2024,
        dims: '',
        rule: { kind: 'threshold', comparator: '>=', value: 0.99 },
        tolerance: 0.02,
        minDenominator: 0,
      },
    ]);
    const judged = await eventually(
      () => get(VALUES, tokens['610921']),
      (r) => r.body?.values[0].status !== 'none',
      10_000,
    );
    expect(judged.body?.values[0]).toMatchObject({ target: 0.99, status: 'red' });
  });

  it('reads a population its own process just stored', async () => {
    const coverage = '/v1/indicators/vaccination_coverage/values?period=2024&region=610921&vaccine=HepB&dose=3&cohort=2023';
    await writeCounters(pool, [
      {
        indicator: 'vaccination_coverage',
        level: 'county',
        region: '610921',
        dims: 'cohort=2023;dose=3;vaccine=HepB',
        measure: 'numerator',
        period: '2024',
        value: 450,
      },
    ]);
    const upload = (count: number) =>
      fetch(`${query.url}/v1/populations`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens['610921']}` },
        body: JSON.stringify([{ region: '610921', year: 2024, group: 'birth_cohort:2023', count }]),
      });
    expect((await upload(500)).status).toBe(200);
    expect((await get(coverage, tokens['610921'])).body?.values[0]).toMatchObject({ denominator: 500, value: 0.9 });
    expect((await upload(600)).status).toBe(200);
    expect((await get(coverage, tokens['610921'])).body?.values[0]).toMatchObject({ denominator: 600, value: 0.75 });
  });
});
