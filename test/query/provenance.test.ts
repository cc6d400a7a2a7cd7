import { Pool } from 'pg';
import type { HealthEvent, VisitEvent } from '@lib/contracts';
import { AppProcess, eventually } from '../support/app-process';
import { issueBureauToken } from '../support/bureau-fixture';
import { issueApiKey, seedRegistry } from '../support/registry-fixture';
import { testEnvironment } from '../support/test-environment';
import { freshExamples } from '../ingest/event-fixtures';

/** From a value to the pseudonymised events behind it, through the real ingest → aggregator → query path. */
describe('provenance', () => {
  const env = testEnvironment();
  const pool = new Pool({ connectionString: env.DATABASE_URL });
  const apps = [new AppProcess('ingest', 3981, { RAW_DOOR_ENABLED: 'false' }), new AppProcess('aggregator', 3982), new AppProcess('query', 3983)];
  const [ingest, , query] = apps;

  beforeAll(async () => {
    await seedRegistry(pool);
    await Promise.all(apps.map((app) => app.start()));
  });

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop()));
    await pool.end();
  });

  it('lists the events behind the numerator and the denominator, pseudonymised, in scope only', async () => {
    const template = freshExamples().find((e) => e.type === 'visit' && e.action === 'outpatient') as VisitEvent;
    // A resident of 石泉县 (610922: no other test uses it) visits at home and at the city hospital.
    const person = { ...template.person, residenceRegion: '610922' };
    const atHome = { ...template, eventId: `PROV-home-${Date.now()}`, institutionId: '610922-THC-001', person };
    const atCity = { ...template, eventId: `PROV-city-${Date.now()}`, institutionId: '610902-CITY-001', person };
    for (const event of [atHome, atCity] as HealthEvent[]) {
      const response = await fetch(`${ingest.url}/v1/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await issueApiKey(pool, event.institutionId)}` },
        body: JSON.stringify(event),
      });
      expect(response.status).toBe(202);
    }
    const token = await issueBureauToken(pool, '610922');
    const year = String(new Date(template.occurredAt).getUTCFullYear());
    const get = async (path: string, bearer = token) =>
      (await fetch(`${query.url}${path}`, { headers: { authorization: `Bearer ${bearer}` } })).json() as Promise<any>;

    await eventually(() => get(`/v1/indicators/county_visit_rate/values?period=${year}&region=610922`), (b) => b.values?.[0]?.denominator >= 2, 30_000);
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
});
