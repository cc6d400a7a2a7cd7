import { spawnSync } from 'node:child_process';
import { createKafkaClient, TOPICS } from '@lib/kafka';
import { AppName, AppProcess } from '../support/app-process';
import { sampleOf } from '../support/metric-samples';
import { testEnvironment } from '../support/test-environment';

const APPS: AppName[] = ['ingest', 'query', 'aggregator', 'alerting', 'simulator'];

describe('every app on the real infrastructure', () => {
  const processes = APPS.map((app, i) => new AppProcess(app, 3911 + i));

  beforeAll(async () => {
    await Promise.all(processes.map((p) => p.start()));
  });

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()));
  });

  it.each(APPS.map((app, i) => [app, i]))('%s reports PostgreSQL, Redis, Kafka and its consumers up on /health', async (app, i) => {
    const response = await fetch(`${processes[i].url}/health`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; details: Record<string, { status: string }> };
    expect(body.status).toBe('ok');
    // The aggregator also says whether its stored offsets point into the broker's log.
    expect(Object.keys(body.details).sort()).toEqual(
      app === 'aggregator' ? ['consumerOffsets', 'kafka', 'kafkaConsumers', 'postgres', 'redis'] : ['kafka', 'kafkaConsumers', 'postgres', 'redis'],
    );
  });

  it.each(APPS.map((app, i) => [app, i]))('%s exposes Prometheus metrics and OpenAPI', async (app, i) => {
    const metrics = await (await fetch(`${processes[i].url}/metrics`)).text();
    expect(metrics).toContain(`process_cpu_user_seconds_total{app="${app}"}`);
    const openapi = (await (await fetch(`${processes[i].url}/docs-json`)).json()) as { paths: object };
    expect(Object.keys(openapi.paths)).toContain('/health');
  });

  it.each(APPS.map((app, i) => [app, i]))('%s: promtool check metrics finds nothing, and requests are timed by route, method and status', async (app, i) => {
    const url = processes[i].url;
    await fetch(`${url}/health`);
    await fetch(`${url}/no/such/route`);
    const exposition = await (await fetch(`${url}/metrics`)).text();
    const check = spawnSync('promtool', ['check', 'metrics'], { input: exposition, encoding: 'utf8' });
    expect({ status: check.status, problems: (check.stdout + check.stderr).trim() }).toEqual({ status: 0, problems: '' });
    expect(sampleOf(exposition, 'http_request_duration_seconds_count', { app, route: '/health', method: 'GET', status: '200' })).toBeGreaterThan(0);
    expect(sampleOf(exposition, 'http_request_duration_seconds_count', { app, route: 'unrouted', method: 'GET', status: '404' })).toBeGreaterThan(0);
  });

  it('writes structured JSON log lines', () => {
    const lines = processes[0].logs.split('\n').filter((line) => line.startsWith('{'));
    expect(lines.length).toBeGreaterThan(0);
    expect(JSON.parse(lines[0])).toMatchObject({ app: 'ingest', level: expect.any(Number) });
  });
});

describe('configuration', () => {
  it('a wrong value stops the app with a message naming the variable', async () => {
    const app = new AppProcess('ingest', 3920, { PORT: 'eighty', KAFKA_BROKERS: 'not a broker list' });
    const code = await app.run();
    expect(code).toBe(1);
    expect(app.logs).toMatch(/Invalid environment/);
    expect(app.logs).toMatch(/PORT: .*got "eighty"/);
    expect(app.logs).toMatch(/KAFKA_BROKERS: /);
  });

  it('in production, refuses published, placeholder and short secrets without echoing them', async () => {
    const secrets = {
      ADMIN_TOKEN: 'short-admin-token-7f3a',
      PSEUDONYM_SECRET: 'our-pseudonym-secret-change-me-9d1e44c07b2a',
      PSEUDONYM_PREVIOUS_KEYS: 'k0:a-retired-key-5e6f,k0:twice',
      DATABASE_URL: 'postgres://health:health@127.0.0.1:5432/health',
    };
    for (const app of [
      new AppProcess('ingest', 3923, { NODE_ENV: 'production', ...secrets }),
      new AppProcess('alerting', 3924, { NODE_ENV: 'production', ...secrets }),
    ]) {
      expect(await app.run()).toBe(1);
      expect(app.logs).toMatch(/ADMIN_TOKEN is shorter than 32 characters/);
      expect(app.logs).toMatch(/the password in DATABASE_URL is a published default/);
      if (app.app === 'ingest') {
        expect(app.logs).toMatch(/PSEUDONYM_SECRET contains "change-me"/);
        expect(app.logs).toMatch(/PSEUDONYM_PREVIOUS_KEYS must be/);
      }
      for (const value of [secrets.ADMIN_TOKEN, secrets.PSEUDONYM_SECRET, 'a-retired-key-5e6f', 'health:health']) expect(app.logs).not.toContain(value);
    }
  });
});

describe('topics', () => {
  it('are created by the project with explicit partitions, not by auto-create', async () => {
    const env = testEnvironment();
    const admin = createKafkaClient(env, 'topics-test').admin();
    await admin.connect();
    try {
      const names = Object.values(TOPICS).map((topic) => env.KAFKA_TOPIC_PREFIX + topic);
      const { topics } = await admin.fetchTopicMetadata({ topics: names });
      const partitions = Object.fromEntries(topics.map((t) => [t.name.slice(env.KAFKA_TOPIC_PREFIX.length), t.partitions.length]));
      expect(partitions).toMatchObject({ [TOPICS.events]: 12, [TOPICS.eventsRaw]: 12 });
      expect(Object.keys(partitions).sort()).toEqual(Object.values(TOPICS).sort());
    } finally {
      await admin.disconnect();
    }
  });
});
