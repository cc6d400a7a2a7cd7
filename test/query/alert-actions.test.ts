import { Pool } from 'pg';
import { periodsOf } from '@lib/periods';
import { AppProcess, eventually } from '../support/app-process';
import { issueBureauToken } from '../support/bureau-fixture';
import { writeCounters } from '../support/counters-fixture';
import { seedRegistry } from '../support/registry-fixture';
import { testEnvironment } from '../support/test-environment';
import { seedDemoTargets } from '../alerting/alerting-fixture';

/**
 * Bureaus own their alerts (CONTRACT.md): with its own bureau token a county acknowledges and silences
 * the alerts of its subtree on the query API, and is refused (403) on another county's. The alerting app
 * raises the alerts from real counters and delivers the acknowledgement the query app wrote to the outbox.
 */
describe('bureaus acknowledge and silence their own alerts on the query API', () => {
  const env = testEnvironment();
  const pool = new Pool({ connectionString: env.DATABASE_URL });
  const year = periodsOf(new Date()).year;
  const alerting = new AppProcess('alerting', 3974, {
    ALERT_RED_FIRES_IMMEDIATELY: 'true',
    ALERT_EVALUATION_INTERVAL_SECONDS: '3600',
    FEED_STALE_AFTER_WORKING_HOURS: '0',
  });
  const query = new AppProcess('query', 3975);
  const tokens: Record<string, string> = {};
  const alertOf: Record<string, string> = {};

  const call = async (app: AppProcess, token: string, method: string, route: string, body?: unknown) => {
    const response = await fetch(`${app.url}${route}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json().catch(() => null) };
  };
  const asBureau = (region: string, method: string, route: string, body?: unknown) => call(query, tokens[region], method, route, body);
  const asOperator = (method: string, route: string, body?: unknown) => call(alerting, 'dev-admin-token-change-me-000000', method, route, body);
  const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString();

  beforeAll(async () => {
    await seedRegistry(pool);
    seedDemoTargets(env, year);
    for (const region of ['610921', '610922', '610900']) tokens[region] = await issueBureauToken(pool, region);
    // 县域就诊率 80% against ≥ 90% in two counties: red, firing at once.
    await writeCounters(
      pool,
      ['610921', '610922'].flatMap((region) => [
        { indicator: 'county_visit_rate', level: 'county', region, measure: 'numerator', period: year, value: 8000 },
        { indicator: 'county_visit_rate', level: 'county', region, measure: 'denominator', period: year, value: 10_000 },
      ]),
    );
    // Vaccination coverage of last year's cohort in 汉阴 against ≥ 95%: HepB-3 and DTaP-3 at 50%, MMR-1 at none; three cells.
    const cohort = String(Number(year) - 1);
    await writeCounters(
      pool,
      [
        ['HepB', 3],
        ['DTaP', 3],
      ].map(([vaccine, dose]) => ({
        indicator: 'vaccination_coverage',
        level: 'county',
        region: '610921',
        measure: 'numerator',
        period: year,
        value: 500,
        dims: `cohort=${cohort};dose=${dose};vaccine=${vaccine}`,
      })),
    );
    await Promise.all([alerting.start(), query.start()]);
    expect(
      (await asBureau('610921', 'PUT', '/v1/populations', [{ region: '610921', year: Number(year), group: `birth_cohort:${cohort}`, count: 1000 }])).status,
    ).toBe(200);
    expect((await asOperator('POST', '/v1/evaluations', {})).status).toBe(200);
    for (const region of ['610921', '610922']) {
      const { body } = await asBureau(region, 'GET', '/v1/alerts?state=firing&indicator=county_visit_rate');
      const own = body.alerts.filter((a: { region: string }) => a.region === region);
      expect(own).toHaveLength(1);
      alertOf[region] = own[0].id;
    }
  });

  afterAll(async () => {
    await Promise.all([alerting.stop(), query.stop()]);
    await pool.end();
  });

  it('a county lists only its own subtree’s alerts; the city lists both counties’', async () => {
    const county = (await asBureau('610921', 'GET', '/v1/alerts?state=open')).body.alerts.map((a: { region: string }) => a.region);
    expect(new Set(county)).toEqual(new Set(['610921']));
    const city = (await asBureau('610900', 'GET', '/v1/alerts?state=open')).body.alerts.map((a: { region: string }) => a.region);
    expect(new Set(city)).toEqual(new Set(['610921', '610922']));
  });

  it('lists episodes (open or fired); an alert cleared before firing only with state=cleared', async () => {
    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO alerts (kind, indicator, dims, level, region, period, bureau, state, status, started_at, fired_at, resolved_at, evaluated_at, resolve_reason)
       VALUES ('indicator', 'tcm_prescription_share', '', 'county', '610921', $1, '610921', 'resolved', 'green', now() - interval '1 hour', NULL, now(), now(), 'recovered')
       RETURNING id`,
      [year],
    );
    const ids = async (query: string) => (await asBureau('610921', 'GET', `/v1/alerts${query}`)).body.alerts.map((a: { id: string }) => a.id);
    expect(await ids('')).toContain(alertOf['610921']);
    expect(await ids('')).not.toContain(rows[0].id);
    expect(await ids('?state=resolved')).not.toContain(rows[0].id);
    expect(await ids('?state=cleared')).toEqual([rows[0].id]);
    expect((await asBureau('610922', 'GET', '/v1/alerts?state=cleared')).body.alerts).toEqual([]);
    expect((await asBureau('610921', 'GET', '/v1/alerts?state=gone')).body).toMatchObject({ code: 'invalid_state' });
  });

  it('lists each vaccination coverage cell with its vaccine, dose and cohort, and publishes them', async () => {
    const cohort = String(Number(year) - 1);
    const { body } = await asBureau('610921', 'GET', '/v1/alerts?state=firing&indicator=vaccination_coverage');
    const byLabel = Object.fromEntries(body.alerts.map((a: { dimsLabel: string; dimensions: object }) => [a.dimsLabel, a.dimensions]));
    expect(byLabel).toEqual({
      [`HepB 第3剂 ${cohort}年出生队列`]: { vaccine: 'HepB', dose: '3', cohort },
      [`DTaP 第3剂 ${cohort}年出生队列`]: { vaccine: 'DTaP', dose: '3', cohort },
      [`MMR 第1剂 ${cohort}年出生队列`]: { vaccine: 'MMR', dose: '1', cohort },
    });
    const { rows } = await pool.query(`SELECT payload FROM notification_outbox WHERE channel = 'topic' AND payload->>'indicator' = 'vaccination_coverage'`);
    expect(new Set(rows.map((r) => r.payload.dimsLabel))).toEqual(new Set(Object.keys(byLabel)));
  });

  it('acknowledges its own county’s alert (200, recorded and published) and not another county’s (403)', async () => {
    const own = await asBureau('610921', 'POST', `/v1/alerts/${alertOf['610921']}/acknowledge`, { comment: '已通知县医院，下周复核', by: '张三' });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ id: alertOf['610921'], acknowledgedBy: '张三（610921）', ackComment: '已通知县医院，下周复核' });

    const other = await asBureau('610921', 'POST', `/v1/alerts/${alertOf['610922']}/acknowledge`, { comment: '不是我们的' });
    expect(other.status).toBe(403);
    expect(other.body).toMatchObject({ code: 'out_of_scope' });
    expect((await asOperator('GET', `/v1/alerts/${alertOf['610922']}`)).body).toMatchObject({ acknowledgedAt: null });

    // The same acknowledgement the operator's route writes: in the history, and delivered to the topic by the alerting app's outbox.
    const history = (await asOperator('GET', `/v1/alerts/${alertOf['610921']}`)).body.history;
    expect(history.map((e: { transition: string }) => e.transition)).toEqual(['firing', 'acknowledged']);
    expect(history[1].detail).toEqual({ by: '张三（610921）', comment: '已通知县医院，下周复核' });
    const outbox = () =>
      pool.query(`SELECT state FROM notification_outbox WHERE channel = 'topic' AND payload->>'alertId' = $1 AND payload->>'transition' = 'acknowledged'`, [
        alertOf['610921'],
      ]);
    expect((await eventually(outbox, (r) => r.rows[0]?.state === 'delivered', 15_000)).rows).toHaveLength(1);
  });

  it('acknowledging needs a comment and a token', async () => {
    expect((await asBureau('610921', 'POST', `/v1/alerts/${alertOf['610921']}/acknowledge`, {})).status).toBe(400);
    const anonymous = await fetch(`${query.url}/v1/alerts/${alertOf['610922']}/acknowledge`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"comment":"x"}',
    });
    expect(anonymous.status).toBe(401);
    expect((await asOperator('GET', `/v1/alerts/${alertOf['610922']}`)).body).toMatchObject({ acknowledgedAt: null });
  });

  it('silences its own subtree (200) and not another county (403); un-silences its own, not the city’s', async () => {
    const own = await asBureau('610921', 'POST', '/v1/silences', {
      region: '610921',
      indicator: 'county_visit_rate',
      until: inAWeek(),
      reason: '医保结算数据补录中',
    });
    expect(own.status).toBe(201);
    expect(own.body).toMatchObject({ region: '610921', indicator: 'county_visit_rate', comment: '医保结算数据补录中', createdBy: 'bureau 610921' });

    const other = await asBureau('610921', 'POST', '/v1/silences', { region: '610922', until: inAWeek(), reason: '想让邻县安静' });
    expect(other.status).toBe(403);
    expect(other.body).toMatchObject({ code: 'out_of_scope' });
    const above = await asBureau('610921', 'POST', '/v1/silences', { region: '610900', until: inAWeek(), reason: '想让全市安静' });
    expect(above.status).toBe(403);

    // Without a region a bureau's silence covers its own subtree, never every region.
    const defaulted = await asBureau('610922', 'POST', '/v1/silences', { indicator: 'county_visit_rate', until: inAWeek(), reason: '核查中' });
    expect(defaulted.status).toBe(201);
    expect(defaulted.body.region).toBe('610922');

    const operatorView = (await asOperator('GET', '/v1/silences')).body.map((s: { id: string; region: string }) => [s.id, s.region]);
    expect(operatorView).toEqual(
      expect.arrayContaining([
        [own.body.id, '610921'],
        [defaulted.body.id, '610922'],
      ]),
    );
    expect(operatorView).toHaveLength(2);

    const listed = (await asBureau('610921', 'GET', '/v1/silences')).body.silences.map((s: { id: string }) => s.id);
    expect(listed).toEqual([own.body.id]);

    expect((await asBureau('610921', 'DELETE', `/v1/silences/${defaulted.body.id}`)).status).toBe(403);
    const ended = await asBureau('610921', 'DELETE', `/v1/silences/${own.body.id}`);
    expect(ended.status).toBe(200);
    expect(ended.body.expiredAt).not.toBeNull();
    expect((await asBureau('610921', 'DELETE', `/v1/silences/${own.body.id}`)).status).toBe(404);

    // A city's silence covers its counties: they see it, and cannot lift it.
    const city = await asBureau('610900', 'POST', '/v1/silences', { until: inAWeek(), reason: '全市数据迁移' });
    expect(city.status).toBe(201);
    expect((await asBureau('610921', 'GET', '/v1/silences')).body.silences.map((s: { id: string }) => s.id)).toContain(city.body.id);
    expect((await asBureau('610921', 'DELETE', `/v1/silences/${city.body.id}`)).status).toBe(403);
    expect((await asBureau('610900', 'DELETE', `/v1/silences/${city.body.id}`)).status).toBe(200);
  });

  it('a silence needs a reason and an end in the future', async () => {
    expect((await asBureau('610921', 'POST', '/v1/silences', { until: inAWeek() })).body).toMatchObject({ code: expect.any(String) });
    expect((await asBureau('610921', 'POST', '/v1/silences', { until: inAWeek() })).status).toBe(400);
    expect(
      (await asBureau('610921', 'POST', '/v1/silences', { startsAt: '2019-12-01T00:00:00+08:00', until: '2020-01-01T00:00:00+08:00', reason: '过去' })).body,
    ).toMatchObject({ code: 'ends_in_past' });
    expect((await asBureau('610921', 'POST', '/v1/silences', { indicator: 'no_such_indicator', until: inAWeek(), reason: 'x' })).body).toMatchObject({
      code: 'unknown_indicator',
    });
  });
});
