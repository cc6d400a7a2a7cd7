import { Pool } from 'pg';
import { chinaDateOf, DiseaseReportEvent, EXAMPLE_EVENTS } from '@lib/contracts';
import { diseaseHistory } from '../../tools/lib/disease-history';
import { AppProcess, eventually } from '../support/app-process';
import { issueApiKey, seedRegistry } from '../support/registry-fixture';
import { testEnvironment } from '../support/test-environment';
import { waitForGroup } from './alerting-fixture';

/**
 * 疫情三色预警 end to end: report cards through the HTTP door, the aggregator's day counters, the
 * alerting app judging each change. A measles cluster in 汉阴 (610921, no history: EARS) opens a yellow
 * alert that fires on the next evaluation (ALERT_FOR_SECONDS 0); one cholera case in 石泉 (610922) fires red at once; a single
 * measles case in 宁陕 (610923) raises nothing. Then three years of report cards of 紫阳 (610924) and 岚皋
 * (610925) are loaded through the operator's bulk import (beyond the door's 400 days): the same measles
 * cluster in 紫阳 is judged by the moving percentile against its history and fires red; a single
 * measles case in 岚皋 raises nothing; one dengue case in 平利 (610926), a disease the operator lists, is red at once.
 */
describe('outbreak alerts: ingest → aggregator → alerting', () => {
  const env = testEnvironment();
  const pool = new Pool({ connectionString: env.DATABASE_URL });
  const admin = { authorization: 'Bearer dev-admin-token-change-me-000000', 'content-type': 'application/json' };
  const ingest = new AppProcess('ingest', 3982, { RAW_DOOR_ENABLED: 'false' });
  const aggregator = new AppProcess('aggregator', 3984);
  // The operator lists dengue for the fixed threshold (OUTBREAK_LISTED_DISEASES): its first case is red.
  const alerting = new AppProcess('alerting', 3985, {
    ALERT_FOR_SECONDS: '0',
    ALERT_EVALUATION_INTERVAL_SECONDS: '3600',
    FEED_STALE_AFTER_WORKING_HOURS: '0',
    OUTBREAK_LISTED_DISEASES: 'dengue',
  });
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
  /** Imports NDJSON cards under an operator's authorisation; every one must be accepted. */
  const importHistory = async (events: DiseaseReportEvent[], maxAgeDays: number) => {
    const response = await fetch(`${ingest.url}/v1/admin/imports?authorisedBy=${encodeURIComponent('紫阳县卫健局 测试')}&maxAgeDays=${maxAgeDays}`, {
      method: 'POST',
      headers: { ...admin, 'content-type': 'application/x-ndjson' },
      body: events.map((e) => JSON.stringify(e)).join('\n'),
    });
    expect(response.status).toBe(200);
    const lines = (await response.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; accepted?: number; errors?: unknown });
    expect(lines.filter((l) => l.type !== 'checkpoint')).toEqual([expect.objectContaining({ type: 'end', complete: true, accepted: events.length })]);
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
  it('judges a county with three years of imported history by the moving percentile: the cluster fires red, a single case nothing', async () => {
    const today = chinaDateOf(Date.now());
    const daysAgo = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
    // Three years and the neighbouring weeks, up to a month ago (the live door has the recent days).
    const history = [
      ...diseaseHistory({ counties: ['610924', '610925'], from: daysAgo(3 * 366 + 21), to: daysAgo(30), seed: 18, idPrefix: `HIST-${process.pid}` }),
    ];
    await importHistory(history, 3 * 366 + 60);
    // Judged only once the aggregator has counted the whole history into the counties' day counters.
    await eventually(
      async () =>
        Number(
          (
            await pool.query<{ n: string | null }>(
              `SELECT sum(value) AS n FROM indicator_counter_values
               WHERE indicator = 'disease_cases' AND measure = 'value' AND level = 'county' AND region IN ('610924', '610925') AND period ~ '^[0-9]{8}$'`,
            )
          ).rows[0].n ?? 0,
        ),
      (counted) => counted === history.length,
      120_000,
    );

    await send([card('610925', 'measles'), card('610926', 'dengue'), ...Array.from({ length: 6 }, () => card('610924', 'measles'))]);
    const measlesJudgedOnAll = (a: any) => a.region === '610924' && a.detail?.signal?.observed === 6;
    const opened = await eventually(outbreaks, (alerts) => alerts.some(measlesJudgedOnAll) && alerts.some((a) => a.region === '610926'), 30_000);
    const measles = opened.find((a) => a.region === '610924');

    // The reference: the 7-day windows ending on today's date in each of the three previous years and two
    // weeks either side, counted from the imported cards; a window counts where the county had any case.
    const windowTo = measles.detail.signal.windowTo as string;
    const end = `${windowTo.slice(0, 4)}-${windowTo.slice(4, 6)}-${windowTo.slice(6, 8)}`;
    const zhiyang = history.filter((e) => e.person.residenceRegion === '610924');
    const baseline: number[] = [];
    for (let years = 1; years <= 3; years++) {
      const sameDate = `${Number(end.slice(0, 4)) - years}${end.slice(4) === '-02-29' ? '-02-28' : end.slice(4)}`;
      for (let weeks = -2; weeks <= 2; weeks++) {
        const last = Date.parse(`${sameDate}T00:00:00Z`) + weeks * 7 * 86_400_000;
        const inWindow = zhiyang.filter((e) => {
          const day = Date.parse(`${e.occurredAt.slice(0, 10)}T00:00:00Z`);
          return day > last - 7 * 86_400_000 && day <= last;
        });
        if (inWindow.length > 0) baseline.push(inWindow.filter((e) => e.disease === 'measles').length);
      }
    }
    const sorted = [...baseline].sort((a, b) => a - b);
    const h = (sorted.length - 1) * 0.8;
    const p80 = sorted[Math.floor(h)] + (h - Math.floor(h)) * (sorted[Math.ceil(h)] - sorted[Math.floor(h)]);
    expect(baseline.length).toBeGreaterThanOrEqual(10);
    expect(Math.max(...baseline)).toBeLessThan(6); // the seeded history makes six measles cases in a week unheard of in 紫阳

    expect(measles).toMatchObject({
      dims: 'disease=measles',
      state: 'firing',
      status: 'red',
      bureau: '610924',
      detail: {
        signal: {
          method: 'moving_percentile',
          level: 'red',
          observed: 6,
          baseline,
          thresholds: { red: Math.max(...baseline) },
          percentiles: { yellow: 0.8, red: null },
        },
      },
    });
    expect(measles.detail.signal.thresholds.yellow).toBeCloseTo(p80, 9);
    // Red fires at once: no pending step, whichever of the cluster's change messages crossed first.
    const transitions = ((await (await fetch(`${alerting.url}/v1/alerts/${measles.id}`, { headers: admin })).json()) as { history: { transition: string }[] })
      .history;
    expect(transitions.map((t) => t.transition)).toEqual(['firing']);

    // 岚皋 has history too, and its single measles case is below the minimum count: no alert there.
    const after = await outbreaks();
    expect(after.filter((a) => a.region === '610925')).toEqual([]);
    expect(after.find((a) => a.region === '610926')).toMatchObject({
      dims: 'disease=dengue',
      state: 'firing',
      status: 'red',
      detail: { signal: { method: 'fixed_threshold', observed: 1 } },
    });
    expect(after.map((a) => a.region).sort()).toEqual(['610921', '610922', '610924', '610926']);
  });
});
