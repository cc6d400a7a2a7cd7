import { Pool } from 'pg';
import { chinaDateOf, DiseaseReportEvent, EXAMPLE_EVENTS } from '@lib/contracts';
import { AppProcess, eventually } from '../support/app-process';
import { issueApiKey, seedRegistry } from '../support/registry-fixture';
import { testEnvironment } from '../support/test-environment';
import { waitForGroup } from './alerting-fixture';

/**
 * 疫情三色预警 end to end: report cards through the HTTP door, the aggregator's day counters, the
 * alerting app judging each change. A measles cluster in 汉阴 (610921, no history: EARS) opens a yellow
 * alert that fires on the next evaluation (ALERT_FOR_SECONDS 0); one cholera case in 石泉 (610922) fires red at once; a single
 * measles case in 宁陕 (610923) raises nothing.
 */
describe('outbreak alerts: ingest → aggregator → alerting', () => {
  const env = testEnvironment();
  const pool = new Pool({ connectionString: env.DATABASE_URL });
  const admin = { authorization: 'Bearer dev-admin-token-change-me-000000', 'content-type': 'application/json' };
  const ingest = new AppProcess('ingest', 3971, { RAW_DOOR_ENABLED: 'false' });
  const aggregator = new AppProcess('aggregator', 3972);
  const alerting = new AppProcess('alerting', 3973, { ALERT_FOR_SECONDS: '0', ALERT_EVALUATION_INTERVAL_SECONDS: '3600', FEED_STALE_AFTER_WORKING_HOURS: '0' });
  const template = EXAMPLE_EVENTS.disease_report.find((e): e is DiseaseReportEvent => e.action === 'reported')!;
  let key: string;
  let sequence = 0;

  /** A card reported an hour ago, diagnosed an hour before that, of a patient living in `county`. */
  const card = (county: string, disease: string): DiseaseReportEvent => {
    const now = Date.now();
    return {
      ...template,
      eventId: `OB-${process.pid}-${now}-${++sequence}`,
      occurredAt: new Date(now - 3600_000).toISOString(),
      diagnosedAt: new Date(now - 7200_000).toISOString(),
      onsetDate: chinaDateOf(now - 7200_000),
      disease,
      classification: 'confirmed',
      person: { ...template.person, residenceRegion: county },
    };
  };
  const send = async (events: DiseaseReportEvent[]) => {
    const response = await fetch(`${ingest.url}/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ events }),
    });
    const body = (await response.json()) as { results: { status: string; errors?: unknown }[] };
    expect(body.results.map((r) => r.status)).toEqual(events.map(() => 'accepted'));
  };
  const outbreaks = async (): Promise<any[]> => {
    const response = await fetch(`${alerting.url}/v1/alerts?state=open`, { headers: admin });
    return ((await response.json()) as any[]).filter((a) => a.kind === 'outbreak');
  };

  beforeAll(async () => {
    await seedRegistry(pool);
    key = await issueApiKey(pool, template.institutionId);
    await Promise.all([ingest.start(), aggregator.start(), alerting.start()]);
    await waitForGroup(env, `${env.KAFKA_GROUP_PREFIX}.alerting`);
  });

  afterAll(async () => {
    await Promise.all([ingest, aggregator, alerting].map((app) => app.stop()));
    await pool.end();
  });

  it('fires red at once for one cholera case, yellow for the measles cluster, and nothing for the quiet county', async () => {
    await send([card('610923', 'measles'), card('610922', 'cholera'), ...Array.from({ length: 6 }, () => card('610921', 'measles'))]);

    // The six measles cards may reach alerting in one change message or several: judged on all six in the end.
    const measlesJudgedOnAll = (a: any) => a.region === '610921' && a.detail?.signal?.observed === 6;
    const opened = await eventually(outbreaks, (alerts) => alerts.some((a) => a.region === '610922') && alerts.some(measlesJudgedOnAll), 30_000);
    const cholera = opened.find((a) => a.region === '610922');
    expect(cholera).toMatchObject({
      dims: 'disease=cholera',
      state: 'firing',
      status: 'red',
      bureau: '610922',
      detail: { signal: { method: 'fixed_threshold', observed: 1 } },
    });
    const measles = opened.find((a) => a.region === '610921');
    expect(measles).toMatchObject({ dims: 'disease=measles', status: 'yellow', detail: { signal: { method: 'ears_c3', observed: 6 } } });
    // Yellow is not red: it waits for a second judgement (a later change or the sweep) before it fires.
    expect(['pending', 'firing']).toContain(measles.state);

    const sweep = await fetch(`${alerting.url}/v1/evaluations`, { method: 'POST', headers: admin, body: '{}' });
    expect(sweep.status).toBeLessThan(300);
    const after = await outbreaks();
    expect(after.find((a) => a.region === '610921')).toMatchObject({ state: 'firing', status: 'yellow' });
    expect(after.filter((a) => a.region === '610923')).toEqual([]);
    expect(after).toHaveLength(2);

    const transitions = async (id: string) =>
      ((await (await fetch(`${alerting.url}/v1/alerts/${id}`, { headers: admin })).json()) as { history: { transition: string }[] }).history.map(
        (h) => h.transition,
      );
    expect(await transitions(cholera.id)).toEqual(['firing']);
    expect(await transitions(measles.id)).toEqual(['pending', 'firing']);
  });
});
