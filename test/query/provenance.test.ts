import type { HealthEvent, VisitEvent } from '@lib/contracts';
import { eventually } from '../support/app-process';
import { issueBureauToken } from '../support/bureau-fixture';
import { Pipeline } from '../support/pipeline';
import { freshExamples } from '../ingest/event-fixtures';

/** From a value to the pseudonymised events behind it, through the real ingest → aggregator → query path. */
describe('provenance', () => {
  const pipeline = new Pipeline(3981);
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
