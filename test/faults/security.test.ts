import { createHash, randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { DEVELOPMENT_ADMIN_TOKEN } from '@lib/config';
import { AppProcess } from '../support/app-process';
import { issueApiKey, seedRegistry } from '../support/registry-fixture';
import { SseClient } from '../support/sse-client';
import { testEnvironment } from '../support/test-environment';
import { freshExamples } from '../ingest/event-fixtures';
import { recordFigures } from './support/figures';
import { postEvents, send, sendUnfinishedBody } from './support/http-client';

const EVIL = 'https://evil.example';

/**
 * No one in where they do not belong: institutions write only as themselves, a county token reads
 * only its county on every bureau endpoint (stream and exports included), secrets are stored only
 * as hashes, no app reads a body before its credential checks, and the HTTP surface carries
 * security headers and no CORS grant. Guessing and lock-out attempts are
 * test/faults/lockout.test.ts; the clear-ID scan is test/ingest/privacy-scan.test.ts.
 */
describe('security', () => {
  const env = testEnvironment();
  const pool = new Pool({ connectionString: env.DATABASE_URL });
  const ingest = new AppProcess('ingest', 3986, { RAW_DOOR_ENABLED: 'false' });
  const query = new AppProcess('query', 3987);
  const alerting = new AppProcess('alerting', 3988);
  const checks: Record<string, number> = {};
  const count = (name: string, n = 1) => (checks[name] = (checks[name] ?? 0) + n);
  let county = ''; // 汉阴县 610921's token, issued through the admin API
  let key = ''; // 汉阴 township centre's key, issued through the admin API

  const admin = (route: string, body: unknown) =>
    send(`${ingest.url}/v1/admin/${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${DEVELOPMENT_ADMIN_TOKEN}` },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    await seedRegistry(pool);
    await Promise.all([ingest.start(), query.start(), alerting.start()]);
    key = (await admin('api-keys', { institutionId: '610921-THC-001' })).body?.key;
    county = (await admin('bureau-tokens', { region: '610921' })).body?.token;
    expect([typeof key, typeof county]).toEqual(['string', 'string']);
  });

  afterAll(async () => {
    await Promise.all([ingest.stop(), query.stop(), alerting.stop()]);
    await pool.end();
    recordFigures('security', { checks });
  });

  it('refuses writes for another institution', async () => {
    const [event] = freshExamples().filter((e) => e.institutionId === '610921-CH-001');
    const single = await postEvents(ingest.url, key, JSON.stringify(event));
    expect(single.status).toBe(403);
    expect(single.body?.results[0].errors[0].code).toBe('forbidden_institution');
    const batch = await postEvents(ingest.url, key, JSON.stringify({ events: [event] }));
    expect(batch.body?.results[0]).toMatchObject({ status: 'rejected', errors: [{ code: 'forbidden_institution' }] });
    count('cross-institution writes refused', 2);
  });

  it("refuses another county's data on every bureau endpoint, stream and exports included", async () => {
    const other = '610902';
    const paths = [
      `/v1/indicators/county_visit_rate/values?period=2024&region=${other}`,
      `/v1/indicators/county_visit_rate/values?period=2024&region=${other}&format=csv`,
      `/v1/indicators/county_visit_rate/values?period=2024&region=${other}&format=fhir`,
      `/v1/indicators/county_visit_rate/values?period=2024&region=610900&level=county`,
      `/v1/indicators/county_visit_rate/ranking?period=2024&region=${other}`,
      `/v1/indicators/county_visit_rate/ranking?period=2024&region=610900&format=csv`,
      `/v1/indicators/county_visit_rate/series?region=${other}&from=202401&to=202403`,
      `/v1/indicators/county_visit_rate/series?region=${other}&from=202401&to=202403&format=csv`,
      `/v1/indicators/county_visit_rate/provenance?period=2024&region=${other}`,
      `/v1/indicators/tcm_prescription_share/values?period=2024&region=610902-CITY-001&level=institution`,
      `/v1/regions/${other}`,
      `/v1/regions/610900`,
    ];
    for (const path of paths) {
      const answer = await send(`${query.url}${path}`, { headers: { authorization: `Bearer ${county}` } });
      expect({ path, status: answer.status }).toEqual({ path, status: 403 });
    }
    count('out-of-scope reads refused', paths.length);
    const populations = await send(`${query.url}/v1/populations`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${county}` },
      body: JSON.stringify([{ region: other, year: 2024, group: 'residents', count: 1 }]),
    });
    expect(populations.status).toBe(403);
    const viaHeader = await SseClient.open(`${query.url}/v1/stream?region=${other}&token=${encodeURIComponent(county)}`);
    viaHeader.close();
    expect(viaHeader.status).toBe(403);
    count('out-of-scope writes and streams refused', 2);
  });

  it("checks the credential before reading a body: a wrong one is refused with the route's 401, the body unread", async () => {
    // Bodies never finished, broken JSON as far as they go: an app that read (or parsed) a body before
    // checking the credential would wait for the rest, then answer 400 invalid_json, or 413 when too large.
    const broken = '{"events": [{"eventId": "BROKEN';
    const wrongKey = `hik_${randomBytes(32).toString('base64url')}`;
    const wrongToken = `hbt_${randomBytes(32).toString('base64url')}`;
    const attempts = [
      { url: `${ingest.url}/v1/events`, method: 'POST', secret: wrongKey, declaredLength: 4 * 1024 * 1024, code: 'invalid_api_key' },
      { url: `${ingest.url}/v1/events`, method: 'POST', secret: wrongKey, declaredLength: 64 * 1024 * 1024, code: 'invalid_api_key' },
      { url: `${ingest.url}/v1/admin/institutions`, method: 'POST', secret: wrongToken, declaredLength: 1024 * 1024, code: 'invalid_admin_token' },
      { url: `${query.url}/v1/populations`, method: 'PUT', secret: wrongToken, declaredLength: 64 * 1024, code: 'invalid_bureau_token' },
      { url: `${query.url}/v1/populations`, method: 'PUT', secret: wrongKey, declaredLength: 64 * 1024 * 1024, code: 'invalid_bureau_token' },
      { url: `${alerting.url}/v1/webhooks`, method: 'POST', secret: wrongToken, declaredLength: 1024 * 1024, code: 'invalid_admin_token' },
    ];
    for (const { url, method, secret, declaredLength, code } of attempts) {
      const answer = await sendUnfinishedBody(url, {
        method,
        declaredLength,
        begun: broken,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
      });
      expect({ url, declaredLength, status: answer.status, code: answer.body?.code }).toEqual({ url, declaredLength, status: 401, code });
      expect(answer.bodyBytesSent).toBeLessThan(declaredLength);
    }
    count('wrong credentials with an unread body refused', attempts.length);
    // The right credential still has its body read and parsed: the same broken JSON, whole, is a 400.
    expect((await postEvents(ingest.url, key, broken)).body?.code).toBe('invalid_json');
    const populations = await send(`${query.url}/v1/populations`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${county}` },
      body: broken,
    });
    expect(populations.body?.code).toBe('invalid_json');
  });

  it('stores API keys and bureau tokens only as hashes', async () => {
    const secrets = [key, county, await issueApiKey(pool, '610921-VC-001')];
    const tables = await pool.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
    let dump = '';
    for (const { table_name } of tables.rows) {
      dump += (await pool.query<{ d: string | null }>(`SELECT string_agg(t::text, E'\\n') AS d FROM "${table_name}" t`)).rows[0].d ?? '';
    }
    for (const secret of secrets) {
      expect(dump.includes(secret)).toBe(false);
      expect(dump).toContain(createHash('sha256').update(secret).digest('hex')); // the scan sees the hashes
    }
    count('tables scanned for clear secrets', tables.rows.length);
  });

  it('sends security headers and grants no CORS to another origin', async () => {
    for (const url of [`${ingest.url}/health`, `${query.url}/v1/indicators`, `${query.url}/dashboard`]) {
      for (const method of ['GET', 'OPTIONS']) {
        const response = await fetch(url, { method, headers: { origin: EVIL, 'access-control-request-method': 'GET', authorization: `Bearer ${county}` } });
        expect(response.headers.get('access-control-allow-origin')).toBeNull();
        expect(response.headers.get('access-control-allow-credentials')).toBeNull();
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
        expect(response.headers.get('x-powered-by')).toBeNull();
        count('responses checked for headers and CORS');
      }
    }
    const dashboard = await fetch(`${query.url}/dashboard`);
    expect(dashboard.headers.get('content-security-policy')).toMatch(/default-src 'self'|script-src 'self'/);
  });
});
