import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { ANKANG_COUNTIES } from '@lib/registry';
import { cstMidnight, periodsOf } from '@lib/periods';
import { FeedGenerator } from '../../apps/simulator/src/feed/feed-generator';
import { parseScenario } from '../../apps/simulator/src/feed/feed-scenario';
import { backfillInstant, backfillOptions, type BackfillRange } from '../../apps/simulator/src/feed/feed-timeline';
import { STEADY_IN_COUNTY_SHARE } from '../../apps/simulator/src/feed/visit-destinations';
import { HttpSink } from '../../apps/simulator/src/sinks/http-sink';
import { AppProcess, eventually } from '../support/app-process';
import { issueBureauToken } from '../support/bureau-fixture';
import { issueRawSigners, seedRegistry } from '../support/registry-fixture';
import { testEnvironment } from '../support/test-environment';
import { waitForGroup } from './alerting-fixture';

/**
 * The simulator's county-decline scenario replayed through the whole stack — HTTP ingest, Kafka, the
 * aggregator, the alerting app judging every change as it comes, and the query API — gives exactly one
 * alert episode for the county that declines (紫阳 610924: 县域就诊率 falling from ~90% towards 75%) and
 * none for the nine that hold steady around their own level, each judged against its own target
 * (steady level − 5 pp, tolerance 2 pp). The events are the current year's (year-to-date is judged),
 * delivered in the order they happened, so every intermediate value is judged on the way.
 */
describe('replay of the county-decline scenario: one episode for the declining county, none for the others', () => {
  const env = testEnvironment();
  const pool = new Pool({ connectionString: env.DATABASE_URL });
  const admin = { authorization: 'Bearer dev-admin-token-change-me-000000', 'content-type': 'application/json' };
  const declining = '610924';
  const counties = ANKANG_COUNTIES.map((c) => c.code);
  const ingest = new AppProcess('ingest', 3936, { RAW_DOOR_ENABLED: 'false', INGEST_RATE_LIMIT_PER_MINUTE: '1000000' });
  const aggregator = new AppProcess('aggregator', 3937);
  const alerting = new AppProcess('alerting', 3938, {
    ALERT_RED_FIRES_IMMEDIATELY: 'true',
    ALERT_EVALUATION_INTERVAL_SECONDS: '3600',
    FEED_STALE_AFTER_WORKING_HOURS: '0',
  });
  const query = new AppProcess('query', 3939);
  const credentialsFile = path.join(mkdtempSync(path.join(tmpdir(), 'replay-')), 'credentials.json');
  const now = Date.now();
  const year = periodsOf(new Date(now)).year;
  let cityToken: string;

  const alertingApi = async (method: string, route: string, body?: unknown) => {
    const response = await fetch(`${alerting.url}${route}`, { method, headers: admin, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, body: await response.json().catch(() => null) };
  };
  const countyRows = async (): Promise<any[]> => {
    const response = await fetch(`${query.url}/v1/indicators/county_visit_rate/values?period=${year}&region=610900&level=county`, {
      headers: { authorization: `Bearer ${cityToken}` },
    });
    return ((await response.json()) as { values: any[] }).values;
  };

  beforeAll(async () => {
    const signers = await issueRawSigners(
      pool,
      (await seedRegistry(pool)).map((institution) => institution.id),
    );
    const keys = Object.fromEntries([...signers].map(([institutionId, signer]) => [institutionId, signer.key]));
    writeFileSync(credentialsFile, JSON.stringify({ institutions: keys, bureaus: {} }));
    cityToken = await issueBureauToken(pool, '610900');
    await Promise.all([ingest.start(), aggregator.start(), alerting.start(), query.start()]);
    // 5 pp below each steady level: at the 300-visit minimum a steady county's share wanders ±1.9 pp (one σ), at
    // 700 visits ±1.2 pp, so a brush with the yellow band is rare and clears (back past target + 1 pp margin).
    const targets = counties.map((county) => ({
      indicator: 'county_visit_rate',
      scope: county,
      year: Number(year),
      rule: { kind: 'threshold', comparator: '>=', value: STEADY_IN_COUNTY_SHARE[county] - 0.05 },
      tolerance: 0.02,
    }));
    expect((await alertingApi('PUT', '/v1/targets', targets)).status).toBe(200);
    await waitForGroup(env, `${env.KAFKA_GROUP_PREFIX}.alerting`);
  });

  afterAll(async () => {
    await Promise.all([ingest, aggregator, alerting, query].map((app) => app.stop()));
    await pool.end();
  });

  it('replays the scenario and counts episodes per county', async () => {
    // The last 20 days, within this year; the decline's time constant is a sixth of the window.
    const fromMs = Math.max(now - 20 * 86_400_000, cstMidnight(`${year}0101`).getTime());
    const range: BackfillRange = { fromMs, toMs: now - 60_000, nowMs: now };
    const windowDays = (range.toMs - range.fromMs) / 86_400_000;
    const scenario = parseScenario(`county-decline:${declining}:${(windowDays / 6).toFixed(6)}`);
    const generator = new FeedGenerator(backfillOptions('replay', range, { populationScale: 0.01, scenario, streamId: `replay-${now.toString(36)}` }));
    // Enough for seven of the nine steady counties to pass the 300-visit minimum (the two smallest stay too small to judge).
    const count = 20_000;
    const events = Array.from({ length: count }, (_, i) => generator.next(backfillInstant(range, i, count)));
    const sink = new HttpSink({ ingestUrl: ingest.url, credentialsFile, batchSize: 500, concurrency: 8 });
    const started = Date.now();
    for (let i = 0; i < events.length; i += 2_000) expect((await sink.send(events.slice(i, i + 2_000))).rejected).toBe(0);
    process.stdout.write(`replay: ${count} events ingested in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);

    // Every visit applied: the city's denominator stops moving and the declining county has been judged red.
    const visitsOf = (rows: any[]) => rows.reduce((sum, r) => sum + (r.denominator ?? 0), 0);
    let previous = -1;
    await eventually(
      async () => {
        const rows = await countyRows();
        const settled = visitsOf(rows) === previous;
        previous = visitsOf(rows);
        return settled && rows.find((r) => r.region === declining)?.status === 'red';
      },
      (done) => done,
      300_000,
    );
    // One sweep at the end judges every cell once more.
    expect((await alertingApi('POST', '/v1/evaluations', {})).status).toBe(200);

    const rows = await countyRows();
    process.stdout.write(`replay: ${rows.map((r) => `${r.region} ${r.denominator} ${(100 * r.value).toFixed(1)}% ${r.status}`).join(' · ')}\n`);
    const countyAlerts = async (state?: string) =>
      ((await alertingApi('GET', `/v1/alerts?indicator=county_visit_rate${state ? `&state=${state}` : ''}`)).body as any[]).filter((a) => a.level === 'county');
    const entriesOf = async (id: string) => (await alertingApi('GET', `/v1/alerts/${id}`)).body.history as any[];
    const historyOf = async (id: string) => (await entriesOf(id)).map((e) => e.transition as string);
    // The alert list holds episodes (alerts open or fired): one, for the declining county, firing since; no record for the nine others.
    const alerts = await countyAlerts();
    // Each episode's story, for a reader of a failed run: when it moved, and on what value and interval.
    for (const alert of alerts) {
      const history = (await entriesOf(alert.id)).map(
        (e) =>
          `${e.transition} ${e.at} at ${(100 * e.actual).toFixed(1)}% [${(100 * e.detail?.interval?.low).toFixed(1)}, ${(100 * e.detail?.interval?.high).toFixed(1)}]`,
      );
      process.stdout.write(`replay alert: ${alert.region} ${alert.period} ${alert.state}: ${history.join(' → ')}\n`);
    }
    expect(alerts.map((a) => a.region)).toEqual([declining]);
    expect(alerts[0]).toMatchObject({ state: 'firing', status: 'red' });
    // It may pass through yellow (pending) on its way to red, depending on when evaluations fall: one episode either way.
    expect([['firing'], ['pending', 'firing']]).toContainEqual(await historyOf(alerts[0].id));
    // The bureau above reads the same list on the query API.
    const cityList = await fetch(`${query.url}/v1/alerts?indicator=county_visit_rate`, { headers: { authorization: `Bearer ${cityToken}` } });
    expect(((await cityList.json()) as { alerts: any[] }).alerts.filter((a) => a.level === 'county').map((a) => a.region)).toEqual([declining]);
    // A steady county brushing its yellow band while its count was small may have been tracked pending (in case it
    // "stays yellow too long") and cleared without anyone told: at most once (no flapping), listed only as cleared.
    const cleared = await countyAlerts('cleared');
    for (const county of counties.filter((c) => c !== declining)) {
      const tracked = cleared.filter((a) => a.region === county);
      expect(tracked.length).toBeLessThanOrEqual(1);
      for (const alert of tracked) expect(await historyOf(alert.id)).toEqual(['pending', 'cleared']);
    }
    expect(cleared.filter((a) => a.region === declining)).toEqual([]);
    // The others were judged, not merely too small to judge: steady, never red.
    const others = rows.filter((r) => r.region !== declining);
    expect(others.every((r) => r.status === 'green' || r.status === 'yellow' || r.status === 'insufficient_data')).toBe(true);
    expect(others.filter((r) => r.status !== 'insufficient_data').length).toBeGreaterThanOrEqual(7);
  }, 600_000);
});
