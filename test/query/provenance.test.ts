import { Pool } from 'pg';
import { residentIdCheckChar, type HealthEvent, type VisitEvent } from '@lib/contracts';
import { eventually } from '../support/app-process';
import { issueBureauToken } from '../support/bureau-fixture';
import { Pipeline } from '../support/pipeline';
import { freshExamples } from '../ingest/event-fixtures';

/** From a value to the pseudonymised events behind it, through the real ingest → aggregator → query path. */
describe('provenance', () => {
  const pipeline = new Pipeline(3981, { PROVENANCE_STATEMENT_TIMEOUT_MS: '1000' });
  const { pool, query } = pipeline;

  beforeAll(() => pipeline.start());
  afterAll(() => pipeline.stop());

  it('lists the events behind the numerator and the denominator, pseudonymised, in scope only', async () => {
    const template = freshExamples().find((e) => e.type === 'visit' && e.action === 'outpatient') as VisitEvent;
    // A resident of 石泉县 (610922: no other test uses it) visits at home and at the city hospital.
    const person = { ...template.person, residenceRegion: '610922' };
    const atHome = { ...template, eventId: `PROV-home-${Date.now()}`, institutionId: '610922-THC-001', person };
    const atCity = { ...template, eventId: `PROV-city-${Date.now()}`, institutionId: '610902-CITY-001', person };
    expect(await pipeline.report([atHome, atCity] as HealthEvent[])).toEqual([202, 202]);
    const token = await issueBureauToken(pool, '610922');
    const year = String(new Date(template.occurredAt).getUTCFullYear());
    const get = async (path: string, bearer = token) => (await fetch(`${query.url}${path}`, { headers: { authorization: `Bearer ${bearer}` } })).json();

    await eventually(
      () => get(`/v1/indicators/county_visit_rate/values?period=${year}&region=610922`),
      (b) => b.values?.[0]?.denominator >= 2,
      30_000,
    );
    const numerator = await get(`/v1/indicators/county_visit_rate/provenance?period=${year}&region=610922&part=numerator`);
    const denominator = await get(`/v1/indicators/county_visit_rate/provenance?period=${year}&region=610922&part=denominator`);
    const ids = (page: any) => page.items.flatMap((item: any) => item.events.map((e: any) => e.eventId)).sort();

    expect(ids(numerator)).toEqual([atHome.eventId]);
    expect(ids(denominator)).toEqual([atCity.eventId, atHome.eventId].sort());
    expect(denominator.items[0].events[0].person).toMatch(/^hmac-sha256:/);
    expect(JSON.stringify(denominator)).not.toContain(template.person.id);

    const other = await fetch(`${query.url}/v1/indicators/county_visit_rate/provenance?period=${year}&region=610922`, {
      headers: { authorization: `Bearer ${await issueBureauToken(pool, '610921')}` },
    });
    expect(other.status).toBe(403);
  });

  it('tells a cost in yuan, as the values do (the counters keep fen)', async () => {
    const template = freshExamples().find((e) => e.type === 'visit' && e.action === 'outpatient') as VisitEvent;
    const visit = {
      ...template,
      eventId: `PROV-cost-${Date.now()}`,
      institutionId: '610922-THC-001',
      cost: 404.87,
      person: { ...template.person, residenceRegion: '610922' },
    };
    expect(await pipeline.report([visit] as HealthEvent[])).toEqual([202]);
    const token = await issueBureauToken(pool, '610922');
    const year = String(new Date(template.occurredAt).getUTCFullYear());
    const path = `/v1/indicators/outpatient_cost_growth/provenance?period=${year}&region=610922-THC-001&part=numerator&limit=500`;
    const page = await eventually(
      async () => (await fetch(`${query.url}${path}`, { headers: { authorization: `Bearer ${token}` } })).json(),
      (body) => (body.items ?? []).some((item: any) => item.events.some((e: any) => e.eventId === visit.eventId)),
      30_000,
    );
    const item = page.items.find((i: any) => i.events.some((e: any) => e.eventId === visit.eventId));
    expect(item.contributes).toBe(404.87);
  });

  it('pages a city through keyset cursors: every subject once, the same set as one page', async () => {
    const template = freshExamples().find((e) => e.type === 'visit' && e.action === 'outpatient') as VisitEvent;
    const visits = ['001', '002', '003'].map((sequence, i) => {
      const first17 = `61092219800101${sequence}`;
      const person = { ...template.person, id: first17 + residentIdCheckChar(first17), residenceRegion: '610922' };
      return { ...template, eventId: `PROV-page-${i}-${Date.now()}`, institutionId: '610922-THC-001', person };
    });
    expect(await pipeline.report(visits as HealthEvent[])).toEqual([202, 202, 202]);
    const token = await issueBureauToken(pool, '610900');
    const year = String(new Date(template.occurredAt).getUTCFullYear());
    const path = `/v1/indicators/county_visit_rate/provenance?period=${year}&region=610900&level=city&part=denominator`;
    const get = async (suffix: string) => (await fetch(`${query.url}${path}${suffix}`, { headers: { authorization: `Bearer ${token}` } })).json();
    const eventIds = (items: any[]) => items.flatMap((item) => item.events.map((e: any) => e.eventId));

    const whole = await eventually(
      () => get('&limit=500'),
      (page) => visits.every((v) => eventIds(page.items ?? []).includes(v.eventId)),
      30_000,
    );
    expect(whole.nextCursor).toBeNull();
    const paged: any[] = [];
    let cursor: string | null = null;
    do {
      const page = await get(`&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(1);
      paged.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(paged.map((item) => item.subject)).toEqual(whole.items.map((item: any) => item.subject));
    expect(new Set(paged.map((item) => item.subject)).size).toBe(paged.length);
  });

  it('answers 503 provenance_timeout when a statement outruns its timeout, and serves again afterwards', async () => {
    const token = await issueBureauToken(pool, '610922');
    const year = String(new Date().getUTCFullYear());
    const url = `${query.url}/v1/indicators/county_visit_rate/provenance?period=${year}&region=610922`;
    // A lock held by another session keeps the statement waiting until statement_timeout cancels it.
    const locker = new Pool({ connectionString: pipeline.env.DATABASE_URL, max: 1 });
    const client = await locker.connect();
    try {
      await client.query('BEGIN');
      // event_ledger: every provenance statement reads it, for single-event subjects (these visits) and shared ones alike.
      await client.query('LOCK TABLE event_ledger IN ACCESS EXCLUSIVE MODE');
      const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(503);
      expect(((await response.json()) as { code: string }).code).toBe('provenance_timeout');
    } finally {
      await client.query('ROLLBACK');
      client.release();
      await locker.end();
    }
    expect((await fetch(url, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
  });
});
