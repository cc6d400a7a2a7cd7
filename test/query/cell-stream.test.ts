import { eventually, sleep } from '../support/app-process';
import { issueBureauToken } from '../support/bureau-fixture';
import { Pipeline } from '../support/pipeline';
import { SseClient } from '../support/sse-client';

interface Cell {
  indicator: string;
  period: string;
  level: string;
  region: string;
  numerator: number;
  denominator: number;
  value: number;
  status: string;
  target: number | null;
}

/**
 * GET /v1/stream?cells=…: a stream subscribed to the cells a page shows gets those cells only,
 * coalesced, with the values API's value, target and status; Last-Event-ID resumes; a bureau may
 * subscribe only within its own region.
 */
describe('subscribed live stream (cells=)', () => {
  const pipeline = new Pipeline(3955, { STREAM_COALESCE_MS: '400' });
  const { pool, query } = pipeline;
  let cityToken: string;

  const change = (indicator: string, region: string, period: string, numerator: number, denominator: number) =>
    pipeline.announce({ indicator, level: 'county', region, dims: '', periods: { [period]: { numerator, denominator } }, asOf: new Date().toISOString() });
  const streamUrl = (token: string, cells: object[]) =>
    `${query.url}/v1/stream?token=${encodeURIComponent(token)}&cells=${encodeURIComponent(JSON.stringify(cells))}`;
  const cellsOf = (client: SseClient) => client.events.filter((e) => e.type === 'cells').flatMap((e) => (e.data as { cells: Cell[] }).cells);
  const address = (c: { indicator: string; region: string; period: string }) => `${c.indicator}|${c.region}|${c.period}`;

  const SUBSCRIBED = [
    { indicator: 'county_visit_rate', period: '202611', region: '610921' },
    { indicator: 'county_visit_rate', period: '202611', region: '610902' },
    { indicator: 'county_inpatient_rate', period: '202611', region: '610921' },
  ];

  beforeAll(async () => {
    await pipeline.start(['query']);
    cityToken = await issueBureauToken(pool, '610900');
  });
  afterAll(() => pipeline.stop());

  it('sends only the subscribed cells, coalesced, with the values API’s value, target and status; resumes with Last-Event-ID', async () => {
    const stream = await SseClient.open(streamUrl(cityToken, SUBSCRIBED));
    expect(stream.status).toBe(200);
    await sleep(3000); // the change feed's consumer starts at the newest message: let it join first

    const ROUNDS = 15;
    for (let round = 1; round <= ROUNDS; round += 1) {
      await Promise.all([
        // the subscribed cells
        change('county_visit_rate', '610921', '202611', round, 100),
        change('county_visit_rate', '610902', '202611', 2 * round, 100),
        change('county_inpatient_rate', '610921', '202611', 3 * round, 100),
        // many others: other periods, counties, indicators
        change('county_visit_rate', '610921', '202610', round, 100),
        change('county_visit_rate', '610922', '202611', round, 100),
        change('county_inpatient_rate', '610902', '202611', round, 100),
        change('referrals_up', '610921', '202611', round, 1),
        change('county_visit_rate', '610921', '20261115', round, 100),
      ]);
    }
    const finalOf = (cells: Cell[], key: string) => cells.filter((c) => address(c) === key).at(-1);
    const done = (cells: Cell[]) =>
      finalOf(cells, address(SUBSCRIBED[0]))?.numerator === ROUNDS &&
      finalOf(cells, address(SUBSCRIBED[1]))?.numerator === 2 * ROUNDS &&
      finalOf(cells, address(SUBSCRIBED[2]))?.numerator === 3 * ROUNDS;
    const received = await eventually(() => cellsOf(stream), done, 20_000);

    expect(new Set(received.map(address))).toEqual(new Set(SUBSCRIBED.map(address)));
    // 3 × 15 changes arrived as far fewer cell values, in fewer messages still (one per window).
    expect(received.length).toBeLessThan(3 * ROUNDS);
    expect(stream.events.filter((e) => e.type === 'cells').length).toBeLessThan(ROUNDS);
    // The same row the values API answers, target and status included.
    for (const subscribed of SUBSCRIBED) {
      const response = await fetch(`${query.url}/v1/indicators/${subscribed.indicator}/values?period=${subscribed.period}&region=${subscribed.region}`, {
        headers: { authorization: `Bearer ${cityToken}` },
      });
      const [row] = ((await response.json()) as { values: Cell[] }).values;
      expect(finalOf(received, address(subscribed))).toMatchObject({
        level: 'county',
        numerator: row.numerator,
        denominator: row.denominator,
        value: row.value,
        target: row.target,
        status: row.status,
      });
    }
    expect(finalOf(received, address(SUBSCRIBED[0]))).toMatchObject({ value: ROUNDS / 100 });

    // Disconnected, one subscribed cell changes; the reconnect with Last-Event-ID gets its current value.
    const lastId = stream.events.filter((e) => e.type === 'cells').at(-1)?.id;
    expect(lastId).toMatch(/^\d+$/);
    stream.close();
    await change('county_visit_rate', '610921', '202611', 77, 100);
    await sleep(1500);
    const resumed = await SseClient.open(streamUrl(cityToken, SUBSCRIBED), { 'last-event-id': lastId! });
    const resent = await eventually(
      () => cellsOf(resumed),
      (cells) => cells.length > 0,
      10_000,
    );
    expect(finalOf(resent, address(SUBSCRIBED[0]))).toMatchObject({ numerator: 77, value: 0.77 });
    expect(resent.every((c) => SUBSCRIBED.some((s) => address(s) === address(c)))).toBe(true);
    resumed.close();

    // Without Last-Event-ID a stream starts with what changes from now on.
    const fresh = await SseClient.open(streamUrl(cityToken, SUBSCRIBED));
    await sleep(1500);
    expect(cellsOf(fresh)).toEqual([]);
    fresh.close();
  });

  it('refuses a subscription to cells outside the token’s region (attack: a county subscribing to a neighbour or its city)', async () => {
    const countyToken = await issueBureauToken(pool, '610921');
    const attempts = [
      [{ indicator: 'county_visit_rate', period: '202611', region: '610902' }],
      [{ indicator: 'county_visit_rate', period: '202611', region: '610900', level: 'county' }],
      [
        { indicator: 'county_visit_rate', period: '202611', region: '610921' },
        { indicator: 'county_visit_rate', period: '202611', region: '610902' },
      ],
    ];
    for (const cells of attempts) {
      const refused = await SseClient.open(streamUrl(countyToken, cells));
      expect(refused.status).toBe(403);
      refused.close();
    }
    const own = await SseClient.open(streamUrl(countyToken, [{ indicator: 'county_visit_rate', period: '202611', region: '610921' }]));
    expect(own.status).toBe(200);
    own.close();
    for (const malformed of ['not json', '[]', '[{"period":"202611"}]', '[{"indicator":"county_visit_rate","period":"202611","format":"csv"}]']) {
      const response = await fetch(`${query.url}/v1/stream?token=${encodeURIComponent(countyToken)}&cells=${encodeURIComponent(malformed)}`);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { code: string }).code).toBe('invalid_subscription');
    }
  });
});
