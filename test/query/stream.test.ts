import { eventually, sleep } from '../support/app-process';
import { issueBureauToken } from '../support/bureau-fixture';
import { Pipeline } from '../support/pipeline';
import { SseClient } from '../support/sse-client';

/** GET /v1/stream pushes changed values in the caller's scope, and only there. */
describe('live stream (SSE)', () => {
  const pipeline = new Pipeline(3950);
  const { pool, query } = pipeline;

  beforeAll(() => pipeline.start(['query']));
  afterAll(() => pipeline.stop());

  it('pushes a committed change to the city, not to another county', async () => {
    const city = await SseClient.open(`${query.url}/v1/stream?token=${await issueBureauToken(pool, '610900')}`);
    const otherCounty = await SseClient.open(`${query.url}/v1/stream?token=${await issueBureauToken(pool, '610902')}`);
    expect([city.status, otherCounty.status]).toEqual([200, 200]);
    await sleep(3000); // the stream's consumer starts at the newest message: let it join first

    await pipeline.announce({
      indicator: 'county_visit_rate',
      level: 'county',
      region: '610921',
      dims: '',
      periods: { '202611': { numerator: 9, denominator: 10 } },
      asOf: new Date().toISOString(),
    });

    const [pushed] = await eventually(
      () => city.events.filter((e) => e.type === 'value'),
      (events) => events.length > 0,
      10_000,
    );
    expect(pushed.data).toMatchObject({ indicator: 'county_visit_rate', region: '610921', period: '202611', numerator: 9, denominator: 10, value: 0.9 });
    expect(otherCounty.events.filter((e) => e.type === 'value')).toEqual([]);
    city.close();
    otherCounty.close();
  });

  it('refuses a stream of another county', async () => {
    const county = await SseClient.open(`${query.url}/v1/stream?region=610902&token=${await issueBureauToken(pool, '610921')}`);
    expect(county.status).toBe(403);
  });
});
