import { Partitioners, Producer } from 'kafkajs';
import { Pool } from 'pg';
import { createKafkaClient, TOPICS } from '@lib/kafka';
import type { IndicatorChangeMessage } from '@lib/indicator-readings';
import { cstDayOf, periodsOf, previousYearPeriod } from '@lib/periods';
import { AppProcess, eventually } from '../support/app-process';
import { issueBureauToken } from '../support/bureau-fixture';
import { writeCounters } from '../support/counters-fixture';
import { seedRegistry } from '../support/registry-fixture';
import { testEnvironment } from '../support/test-environment';
import { seedDemoTargets, waitForGroup } from './alerting-fixture';

/**
 * What the alerting app judges before it colours (docs/alerting.md): a growth on a one-admission
 * baseline raises nothing and reads `insufficient_data` on the query API too; a value flapping around
 * its target is one episode. The apps run as processes on the real broker and PostgreSQL; counters are
 * written as the aggregator stores them. Time is moved with the sweep's `at`, never waited for.
 */
describe('alerting judges with statistical sense and without flapping', () => {
  const env = testEnvironment();
  const pool = new Pool({ connectionString: env.DATABASE_URL });
  const admin = { authorization: 'Bearer dev-admin-token-change-me-000000', 'content-type': 'application/json' };
  const now = new Date();
  const year = periodsOf(now).year;
  const alerting = new AppProcess('alerting', 3966, {
    ALERT_RED_FIRES_IMMEDIATELY: 'true',
    ALERT_EVALUATION_INTERVAL_SECONDS: '3600',
    FEED_STALE_AFTER_WORKING_HOURS: '0',
  });
  const query = new AppProcess('query', 3967);
  let producer: Producer;
  let cityToken: string;

  const api = async (method: string, route: string, body?: unknown) => {
    const response = await fetch(`${alerting.url}${route}`, { method, headers: admin, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, body: await response.json().catch(() => null) };
  };
  const alertsOf = async (indicator: string, region: string): Promise<any[]> =>
    ((await api('GET', `/v1/alerts?indicator=${indicator}&region=${region}`)).body as any[]).filter((a) => a.region === region);
  const historyOf = async (id: string): Promise<string[]> =>
    (await api('GET', `/v1/alerts/${id}`)).body.history.map((e: { transition: string }) => e.transition);

  beforeAll(async () => {
    await seedRegistry(pool);
    seedDemoTargets(env, year);
    cityToken = await issueBureauToken(pool, '610900');
    producer = createKafkaClient(env, 'judgement-test').producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await Promise.all([alerting.start(), query.start()]);
    await waitForGroup(env, `${env.KAFKA_GROUP_PREFIX}.alerting`);
  });

  afterAll(async () => {
    await Promise.all([alerting.stop(), query.stop()]);
    await producer?.disconnect();
    await pool.end();
  });

  it('a +541% inpatient cost growth on a one-admission baseline year raises no alert and reads insufficient_data; on 40 admissions it fires', async () => {
    // This year so far: 120 admissions at 6,410 yuan on average. The same days last year (the baseline of a
    // year in progress): one admission at 1,000 yuan in 汉阴 610921, forty in 石泉 610922.
    const sameDayLastYear = previousYearPeriod(cstDayOf(now));
    const fen = (yuan: number) => Math.round(yuan * 100);
    const costGrowth = (region: string, period: string, admissions: number, meanYuan: number) => [
      { indicator: 'inpatient_cost_growth', level: 'county', region, measure: 'count', period, value: admissions },
      { indicator: 'inpatient_cost_growth', level: 'county', region, measure: 'sum', period, value: fen(admissions * meanYuan) },
    ];
    await writeCounters(pool, [
      ...costGrowth('610921', year, 120, 6410),
      ...costGrowth('610921', sameDayLastYear, 1, 1000),
      ...costGrowth('610922', year, 120, 6410),
      ...costGrowth('610922', sameDayLastYear, 40, 1000),
    ]);
    const changes: IndicatorChangeMessage[] = ['610921', '610922'].map((region) => ({
      indicator: 'inpatient_cost_growth',
      level: 'county',
      region,
      dims: '',
      periods: { [year]: { numerator: 6410, denominator: 1000 } },
      asOf: now.toISOString(),
    }));
    await producer.send({
      topic: env.KAFKA_TOPIC_PREFIX + TOPICS.indicatorChanges,
      messages: changes.map((c) => ({ key: c.region, value: JSON.stringify(c) })),
    });

    // Both changes travel in one batch: once 石泉's alert fires, 汉阴's cell has been judged too.
    const [fired] = await eventually(
      () => alertsOf('inpatient_cost_growth', '610922'),
      (a) => a.length > 0,
      15_000,
    );
    expect(fired).toMatchObject({ state: 'firing', status: 'red', actual: expect.closeTo(5.41, 6) });
    expect(await alertsOf('inpatient_cost_growth', '610921')).toEqual([]);

    // The query API colours the same cells the same way.
    const response = await fetch(`${query.url}/v1/indicators/inpatient_cost_growth/values?period=${year}&region=610900&level=county`, {
      headers: { authorization: `Bearer ${cityToken}` },
    });
    const { values } = (await response.json()) as { values: { region: string; status: string; value: number; cases: unknown }[] };
    expect(values.find((v) => v.region === '610921')).toMatchObject({
      status: 'insufficient_data',
      value: expect.closeTo(5.41, 6),
      cases: { current: 120, baseline: 1 },
    });
    expect(values.find((v) => v.region === '610922')).toMatchObject({ status: 'red', cases: { current: 120, baseline: 40 } });
  });

  it('县域就诊率 oscillating ±0.3 pp around 90% for 10 minutes is one episode; a relapse within the hold-down opens none', async () => {
    const region = '610923';
    const t0 = now.getTime();
    /** Sets the county's 县域就诊率 and runs the clock's sweep `seconds` into the simulated run. */
    const at = async (seconds: number, visitsInCounty: number) => {
      await writeCounters(pool, [
        { indicator: 'county_visit_rate', level: 'county', region, measure: 'numerator', period: year, value: visitsInCounty },
        { indicator: 'county_visit_rate', level: 'county', region, measure: 'denominator', period: year, value: 10_000 },
      ]);
      expect((await api('POST', '/v1/evaluations', { at: new Date(t0 + seconds * 1000).toISOString() })).status).toBe(200);
    };

    for (let step = 0; step <= 60; step++) await at(step * 10, step % 2 === 0 ? 8970 : 9030); // 89.7% ↔ 90.3%, every 10 s
    const [episode, ...more] = await alertsOf('county_visit_rate', region);
    expect(more).toEqual([]);
    expect(episode).toMatchObject({ state: 'pending', status: 'yellow' }); // yellow opens pending; 90.3% is inside the 1 pp margin
    expect(await historyOf(episode.id)).toEqual(['pending']);

    await at(610, 8500); // falls behind: the same episode fires
    await at(620, 9500); // back past the margin: resolved
    await at(630, 8500); // relapse within ALERT_HOLD_DOWN_SECONDS (6 h): no new alert
    await at(3600, 8500);
    const [only, ...others] = await alertsOf('county_visit_rate', region);
    expect(others).toEqual([]);
    expect(only).toMatchObject({ id: episode.id, state: 'resolved', resolveReason: 'recovered' });
    expect(await historyOf(only.id)).toEqual(['pending', 'firing', 'resolved']);

    await at(6 * 3600 + 700, 8500); // the hold-down is over and the county is still behind: a new episode
    expect(await alertsOf('county_visit_rate', region)).toHaveLength(2);
  });
});
