import { createHmac } from 'node:crypto';
import { Partitioners, Producer } from 'kafkajs';
import { Pool } from 'pg';
import { createKafkaClient, TOPICS } from '@lib/kafka';
import type { IndicatorChangeMessage } from '@lib/indicator-readings';
import { periodsOf } from '@lib/periods';
import { AppProcess, eventually, sleep } from '../support/app-process';
import { writeCounters } from '../support/counters-fixture';
import { seedRegistry } from '../support/registry-fixture';
import { testEnvironment } from '../support/test-environment';
import { seedDemoTargets, waitForGroup } from './alerting-fixture';
import { TopicCollector } from './topic-collector';
import { sampleOf } from '../support/metric-samples';
import { WebhookReceiver } from './webhook-receiver';

/**
 * End to end on the real broker and PostgreSQL: counters as the aggregator writes them plus the change
 * messages it publishes (the aggregator itself is tested on its own), the alerting app as a process,
 * webhook receivers on 127.0.0.1. Latency is printed, not asserted (timed assertions are flaky here).
 */
describe('alerting: 县域就诊率 below 90% → one firing alert, then one resolved', () => {
  const env = testEnvironment();
  const pool = new Pool({ connectionString: env.DATABASE_URL });
  const admin = { authorization: 'Bearer dev-admin-token-change-me-000000', 'content-type': 'application/json' };
  const year = periodsOf(new Date()).year;
  const receiver = new WebhookReceiver();
  const alerts = new TopicCollector(env, env.KAFKA_TOPIC_PREFIX + TOPICS.alerts);
  const alerting = new AppProcess('alerting', 3964, {
    ALERT_RED_FIRES_IMMEDIATELY: 'true',
    ALERT_EVALUATION_INTERVAL_SECONDS: '3600',
    FEED_STALE_AFTER_WORKING_HOURS: '0',
    WEBHOOK_BACKOFF_BASE_MS: '100',
    OUTBOX_POLL_INTERVAL_MS: '100',
  });
  let producer: Producer;

  const api = async (method: string, route: string, body?: unknown) => {
    const response = await fetch(`${alerting.url}${route}`, { method, headers: admin, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, body: await response.json().catch(() => null) };
  };

  /**
   * Writes a county's 县域就诊率 counters for the year and announces the change, as the aggregator does.
   * Denominators are in the thousands: the indicator is judged from 300 visits on.
   */
  const setCountyVisitRate = async (county: string, numerator: number, denominator: number): Promise<number> => {
    await writeCounters(pool, [
      { indicator: 'county_visit_rate', level: 'county', region: county, measure: 'numerator', period: year, value: numerator },
      { indicator: 'county_visit_rate', level: 'county', region: county, measure: 'denominator', period: year, value: denominator },
    ]);
    const change: IndicatorChangeMessage = {
      indicator: 'county_visit_rate',
      level: 'county',
      region: county,
      dims: '',
      periods: { [year]: { numerator, denominator } },
      asOf: new Date().toISOString(),
    };
    const sentAt = Date.now();
    await producer.send({ topic: env.KAFKA_TOPIC_PREFIX + TOPICS.indicatorChanges, messages: [{ key: county, value: JSON.stringify(change) }] });
    return sentAt;
  };

  const onTopic = (county: string, transition: string) =>
    alerts.messages.filter((m) => m.value.indicator === 'county_visit_rate' && m.value.region === county && m.value.transition === transition);

  /** county_visit_rate transitions of one county delivered (accepted, deduplicated) at a JSON webhook path. */
  const delivered = (route: string, county: string, transition: string) =>
    receiver
      .accepted(route)
      .flatMap((r) => (JSON.parse(r.body).transitions ?? []) as Record<string, unknown>[])
      .filter((t) => t.indicator === 'county_visit_rate' && t.region === county && t.transition === transition);

  beforeAll(async () => {
    await seedRegistry(pool);
    seedDemoTargets(env, year);
    await receiver.start();
    producer = createKafkaClient(env, 'alerting-test').producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await Promise.all([alerting.start(), alerts.start()]);
    await waitForGroup(env, `${env.KAFKA_GROUP_PREFIX}.alerting`);

    const hooks = [
      { region: '610921', url: receiver.url('/hanyin'), format: 'json', secret: 'whsec-alerting-test' },
      { region: '610921', url: receiver.url('/dingtalk?access_token=t0k'), format: 'dingtalk', secret: 'SEC-ding-test' },
      { region: '610921', url: receiver.url('/wecom?key=k3y'), format: 'wecom' },
      { region: '610922', url: receiver.url('/flaky'), format: 'json' },
      { region: '610923', url: receiver.url('/silenced'), format: 'json' },
      { region: '610924', url: receiver.url('/acked'), format: 'json' },
    ];
    for (const hook of hooks) expect((await api('POST', '/v1/webhooks', hook)).status).toBe(201);
    receiver.failFirst('/flaky', 3);
  });

  afterAll(async () => {
    await alerting.stop();
    await Promise.all([alerts.stop(), producer?.disconnect(), receiver.stop()]);
    await pool.end();
  });

  it('loads the demo targets by command, and serves them', async () => {
    const { body } = await api('GET', `/v1/targets?year=${year}`);
    expect(body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ indicator: 'county_visit_rate', scope: 'default:county', rule: { kind: 'threshold', comparator: '>=', value: 0.9 } }),
      ]),
    );
    expect((await fetch(`${alerting.url}/v1/targets`)).status).toBe(401);
  });

  it('fires once on the topic and at the webhooks, however many changes; resolves once', async () => {
    const sentAt = await setCountyVisitRate('610921', 800, 1000); // 80% < 90% − 2 pp, 95% interval up to 82.4%: red
    await eventually(
      () => delivered('/hanyin', '610921', 'firing'),
      (d) => d.length > 0,
      10_000,
    );
    await eventually(
      () => onTopic('610921', 'firing'),
      (m) => m.length > 0,
      10_000,
    );
    const webhookAt = receiver.accepted('/hanyin')[0].at;
    process.stdout.write(`[alerting latency] change published → topic ${onTopic('610921', 'firing')[0].at - sentAt} ms, → webhook ${webhookAt - sentAt} ms\n`);

    await setCountyVisitRate('610921', 790, 1000); // still red: the same alert
    await sleep(1500);
    expect(onTopic('610921', 'firing')).toHaveLength(1);
    expect(delivered('/hanyin', '610921', 'firing')).toHaveLength(1);
    expect(onTopic('610921', 'firing')[0].value).toMatchObject({
      status: 'red',
      actual: 0.8,
      expected: 0.9,
      bureau: '610921',
      regionName: '汉阴县',
      silenced: false,
    });

    // Signed: HMAC-SHA256 over "<t>.<body>"
    const [request] = receiver.accepted('/hanyin');
    const [t, v1] = String(request.headers['x-health-signature'])
      .split(',')
      .map((p) => p.split('=')[1]);
    expect(v1).toBe(createHmac('sha256', 'whsec-alerting-test').update(`${t}.${request.body}`).digest('hex'));

    // 钉钉: signed URL; 企业微信: markdown; both in Chinese
    const ding = await eventually(
      () => receiver.accepted('/dingtalk'),
      (r) => r.length > 0,
      5000,
    );
    const url = new URL(ding[0].url, 'http://x');
    expect(url.searchParams.get('sign')).toBe(
      createHmac('sha256', 'SEC-ding-test')
        .update(`${url.searchParams.get('timestamp')}\nSEC-ding-test`)
        .digest('base64'),
    );
    expect(JSON.parse(ding[0].body)).toMatchObject({ msgtype: 'markdown', markdown: { title: '【健康指标预警】汉阴县' } });
    const wecom = await eventually(
      () => receiver.accepted('/wecom'),
      (r) => r.length > 0,
      5000,
    );
    expect(JSON.parse(wecom[0].body).markdown.content).toContain('汉阴县县域就诊率');

    await setCountyVisitRate('610921', 950, 1000); // recovers, past the resolve margin (91%)
    await eventually(
      () => delivered('/hanyin', '610921', 'resolved'),
      (d) => d.length > 0,
      10_000,
    );
    await eventually(
      () => onTopic('610921', 'resolved'),
      (m) => m.length > 0,
      10_000,
    );
    await sleep(1000);
    expect(onTopic('610921', 'resolved')).toHaveLength(1);
    expect(delivered('/hanyin', '610921', 'resolved')).toHaveLength(1);
    const { body: history } = await api('GET', `/v1/alerts/${onTopic('610921', 'resolved')[0].value.alertId as string}`);
    expect(history.history.map((e: { transition: string }) => e.transition)).toEqual(['firing', 'resolved']);
  });

  it('delivers once, by idempotency key, to a receiver that fails the first three deliveries', async () => {
    await setCountyVisitRate('610922', 700, 1000);
    await eventually(
      () => delivered('/flaky', '610922', 'firing'),
      (d) => d.length > 0,
      15_000,
    );
    const key = receiver.accepted('/flaky')[0].headers['idempotency-key'];
    const attempts = receiver.requests.filter((r) => r.path === '/flaky' && r.headers['idempotency-key'] === key);
    expect(attempts.map((r) => r.status)).toEqual([500, 500, 500, 200]);

    // The on-call engineer sees it: failed attempts, deliveries and their latency, the transitions committed.
    const exposition = await (await fetch(`${alerting.url}/metrics`)).text();
    const sample = (name: string, labels: Record<string, string>) => sampleOf(exposition, name, { app: 'alerting', ...labels });
    expect(sample('alerting_webhook_deliveries_total', { outcome: 'failed' })).toBeGreaterThanOrEqual(3);
    expect(sample('alerting_webhook_deliveries_total', { outcome: 'delivered' })).toBeGreaterThanOrEqual(1);
    expect(sample('alerting_webhook_delivery_seconds_count', { outcome: 'failed' })).toBeGreaterThanOrEqual(3);
    expect(sample('alerting_alert_transitions_total', { transition: 'firing', kind: 'indicator' })).toBeGreaterThanOrEqual(2);
    expect(new Set(attempts.map((r) => r.body)).size).toBe(1); // the same message each time
    expect(delivered('/flaky', '610922', 'firing')).toHaveLength(1);
  });

  it('records a silenced alert and publishes it flagged, but calls no webhook', async () => {
    const silence = await api('POST', '/v1/silences', {
      region: '610923',
      endsAt: new Date(Date.now() + 3600_000).toISOString(),
      createdBy: 'test',
      comment: '补录中',
    });
    expect(silence.status).toBe(201);
    await setCountyVisitRate('610923', 600, 1000);
    const [firing] = await eventually(
      () => onTopic('610923', 'firing'),
      (m) => m.length > 0,
      10_000,
    );
    expect(firing.value).toMatchObject({ silenced: true, state: 'firing' });
    await sleep(1500);
    expect(receiver.requests.filter((r) => r.path === '/silenced')).toEqual([]);
    expect((await api('GET', '/v1/alerts?state=firing&region=610923')).body).toHaveLength(1);
  });

  it('stops repeats of an acknowledged alert while others repeat; a silence that has ended lets the repeat through', async () => {
    await setCountyVisitRate('610924', 500, 1000);
    const [firing] = await eventually(
      () => onTopic('610924', 'firing'),
      (m) => m.length > 0,
      10_000,
    );
    await eventually(
      () => delivered('/acked', '610924', 'firing'),
      (d) => d.length > 0,
      10_000,
    );
    const ack = await api('POST', `/v1/alerts/${firing.value.alertId as string}/acknowledge`, { by: '紫阳县卫健局', comment: '已知悉' });
    expect(ack.status).toBe(200);
    await eventually(
      () => onTopic('610924', 'acknowledged'),
      (m) => m.length > 0,
      10_000,
    );

    // Move the clock past the repeat interval (24 h): the sweep repeats what is firing and not acknowledged.
    const later = new Date(Date.now() + 25 * 3600_000).toISOString();
    expect((await api('POST', '/v1/evaluations', { at: later })).status).toBe(200);
    await eventually(
      () => delivered('/flaky', '610922', 'repeat'),
      (d) => d.length > 0,
      10_000,
    );
    await eventually(
      () => delivered('/silenced', '610923', 'repeat'),
      (d) => d.length > 0,
      10_000,
    ); // its silence ended after 1 h
    await sleep(1000);
    expect(delivered('/acked', '610924', 'repeat')).toEqual([]);
    expect(onTopic('610924', 'repeat')).toEqual([]);
    expect(delivered('/flaky', '610922', 'firing')).toHaveLength(1);
  });
});
