import { Pool } from 'pg';
import { hashSecret } from '@lib/registry-store';
import { AppProcess, eventually } from '../support/app-process';
import { issueBureauToken } from '../support/bureau-fixture';
import { seedRegistry } from '../support/registry-fixture';
import { SseClient } from '../support/sse-client';
import { testEnvironment } from '../support/test-environment';

/**
 * The query API against an attacker and a careless client: tokens in URLs, a forged Host header,
 * input that would otherwise reach PostgreSQL as a 500, and live streams that outlive their token or pile up.
 */
describe('query API hardening', () => {
  const env = testEnvironment();
  const pool = new Pool({ connectionString: env.DATABASE_URL });
  const query = new AppProcess('query', 3957, {
    PUBLIC_BASE_URL: 'https://health.example.gov.cn/indicators/',
    STREAM_MAX_PER_TOKEN: '2',
    STREAM_MAX_TOTAL: '3',
    STREAM_REAUTH_SECONDS: '1',
  });
  let token: string;
  const open: SseClient[] = [];

  const get = (path: string, headers: Record<string, string> = { authorization: `Bearer ${token}` }) => fetch(`${query.url}${path}`, { headers });
  const answer = async (response: Response) => ({ status: response.status, code: ((await response.json()) as { code?: string }).code });
  const stream = async (bearer: string) => {
    const client = await SseClient.open(`${query.url}/v1/stream?token=${bearer}`);
    open.push(client);
    return client;
  };

  beforeAll(async () => {
    await seedRegistry(pool);
    token = await issueBureauToken(pool, '610900');
    await query.start();
  });

  afterEach(() => open.splice(0).forEach((client) => client.close()));

  afterAll(async () => {
    await query.stop();
    await pool.end();
  });

  it('takes ?token= on the stream only', async () => {
    expect(await answer(await get(`/v1/indicators/county_visit_rate/values?period=2024&token=${token}`, {}))).toEqual({
      status: 401,
      code: 'token_in_url_refused',
    });
    expect(await answer(await get(`/v1/indicators?token=${token}`, {}))).toEqual({ status: 401, code: 'token_in_url_refused' });
    expect((await stream(token)).status).toBe(200);
  });

  it('writes the configured public base URL into FHIR resources, whatever the Host header says', async () => {
    const response = await get('/v1/fhir/Measure/county_visit_rate', { authorization: `Bearer ${token}`, host: 'attacker.example' });
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(text).toContain('https://health.example.gov.cn/indicators/v1/');
    expect(text).not.toContain('attacker.example');
  });

  it('answers input that PostgreSQL or the period maths cannot take with a 4xx and a reason', async () => {
    const put = (body: string) =>
      fetch(`${query.url}/v1/populations`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body });
    expect(await answer(await get('/v1/indicators/county_visit_rate/provenance?period=2024&cursor=%00'))).toEqual({ status: 400, code: 'nul_character' });
    expect(await answer(await put('[{"region":"610921","year":2024,"group":"residents","count":1e308}]'))).toMatchObject({ status: 400 });
    expect(await answer(await put('[{"region":"610921","year":2024,"group":"resi\\u0000dents","count":1}]'))).toEqual({ status: 400, code: 'nul_character' });
    expect(await answer(await get('/v1/indicators/county_visit_rate/series?region=610921&from=192501&to=202412'))).toEqual({
      status: 400,
      code: 'range_too_long',
    });
    expect((await get('/v1/indicators/county_visit_rate/series?region=610921&from=202401&to=202412')).status).toBe(200);
  });

  it('ends an open stream once its token is revoked', async () => {
    const doomed = await issueBureauToken(pool, '610921');
    const client = await stream(doomed);
    expect(client.status).toBe(200);
    await pool.query('UPDATE bureau_tokens SET revoked_at = now() WHERE token_hash = $1', [hashSecret(doomed)]);
    await eventually(
      () => client.ended,
      (ended) => ended,
      20_000,
    );
    expect(client.events.at(-1)).toMatchObject({ type: 'revoked', data: { code: 'token_revoked' } });
  });

  it('caps open streams per token and in all, and frees a place when a stream closes', async () => {
    const other = await issueBureauToken(pool, '610902');
    const [first, second] = [await stream(token), await stream(token)];
    expect([first.status, second.status]).toEqual([200, 200]);
    expect((await stream(token)).status).toBe(429);
    expect((await stream(other)).status).toBe(200); // the third in all
    expect((await stream(await issueBureauToken(pool, '610922'))).status).toBe(429);

    first.close();
    const reopened = async () => {
      const client = await stream(token);
      if (client.status !== 200) client.close();
      return client.status;
    };
    expect(await eventually(reopened, (status) => status === 200, 20_000)).toBe(200);
  });
});
