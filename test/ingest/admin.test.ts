import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { ANKANG_COUNTIES, ankangDemo } from '@lib/registry';
import { DEVELOPMENT_ADMIN_TOKEN } from '@lib/config';
import { AppProcess } from '../support/app-process';
import { testEnvironment } from '../support/test-environment';

interface Answer<T = any> {
  status: number;
  body: T;
}

/**
 * The operator's registry administration (/v1/admin/*) and its CLI, against a real ingest process
 * and PostgreSQL. The test database is shared with the other suites, so this one registers its own
 * regions under 兰州 (620100) and institution ids starting `T-ADMIN-`, and counts seed-demo's keys
 * by their label.
 */
describe('admin API and CLI', () => {
  const env = testEnvironment();
  const pool = new Pool({ connectionString: env.DATABASE_URL });
  const ingest = new AppProcess('ingest', 3931, { RAW_DOOR_ENABLED: 'false' });
  const ROOT = path.resolve(__dirname, '../..');

  const call = async <T = any>(method: string, route: string, body?: unknown, token: string | null = DEVELOPMENT_ADMIN_TOKEN): Promise<Answer<T>> => {
    const response = await fetch(`${ingest.url}/v1/admin/${route}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token !== null && { authorization: `Bearer ${token}` }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };

  /** Every row of every table, as text, that contains `needle`. */
  const tablesContaining = async (needle: string): Promise<string[]> => {
    const { rows: tables } = await pool.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'");
    const hits: string[] = [];
    for (const { name } of tables) {
      const { rows } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "${name}" t WHERE strpos(t::text, $1) > 0`, [needle]);
      if (Number(rows[0].n) > 0) hits.push(name);
    }
    return hits;
  };

  const cli = (args: string[], extraEnv: Record<string, string> = {}) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [path.join(ROOT, 'dist/tools/cli.js'), ...args], {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', INGEST_URL: ingest.url, ADMIN_TOKEN: DEVELOPMENT_ADMIN_TOKEN, DATABASE_URL: env.DATABASE_URL, ...extraEnv },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.once('exit', (code) => resolve({ code, stdout, stderr }));
    });

  beforeAll(async () => {
    await ingest.start();
    const regions = await call('POST', 'regions', [
      { code: '620000', name: '甘肃省' },
      { code: '620100', name: '兰州市' },
      { code: '620102', name: '城关区' },
      { code: '620103', name: '七里河区' },
    ]);
    expect(regions.status).toBe(200);
  });

  afterAll(async () => {
    await ingest.stop();
    await pool.end();
  });

  describe('the admin token', () => {
    it.each([
      ['no token', null],
      ['a wrong token', 'not-the-admin-token-at-all-000000'],
    ])('is required: %s answers 401', async (_, token) => {
      const answer = await call('GET', 'institutions', undefined, token);
      expect(answer).toEqual({
        status: 401,
        body: { statusCode: 401, code: 'invalid_admin_token', message: expect.any(String), correlationId: expect.any(String) },
      });
    });

    it('is required on every write too', async () => {
      expect((await call('POST', 'api-keys', { institutionId: '610921-VC-001' }, null)).status).toBe(401);
      expect((await call('POST', 'bureau-tokens', { region: '610900' }, 'wrong')).status).toBe(401);
    });
  });

  describe('regions', () => {
    it('derives level and parent from the code, and keeps them in the table', async () => {
      const answer = await call('POST', 'regions', { code: '620104', name: '西固区' });
      expect(answer).toEqual({ status: 200, body: { registered: 1, regions: [{ code: '620104', name: '西固区', level: 'county', parentCode: '620100' }] } });
      const { rows } = await pool.query("SELECT level, parent_code FROM regions WHERE code = '620104'");
      expect(rows).toEqual([{ level: 'county', parent_code: '620100' }]);
    });

    it('refuses a level that contradicts the code and an unregistered parent', async () => {
      const answer = await call('POST', 'regions', [
        { code: '620105', name: '安宁区', level: 'city' },
        { code: '621102', name: '安定区' },
      ]);
      expect(answer.status).toBe(422);
      expect(answer.body).toMatchObject({ statusCode: 422, code: 'invalid_registration' });
      expect(answer.body.errors).toEqual([
        expect.objectContaining({ index: 0, path: 'level', code: 'level_mismatch' }),
        expect.objectContaining({ index: 1, path: 'parentCode', code: 'unknown_region' }),
      ]);
    });

    it('maps a superseded code, which this process sees at once', async () => {
      expect(await call('POST', 'superseded-regions', [{ oldCode: '620199', currentCode: '620103', oldName: '旧七里河', since: 2020 }])).toMatchObject({
        status: 200,
        body: { registered: 1 },
      });
      await call('POST', 'institutions', { id: 'T-ADMIN-OLD', name: '七里河测试卫生院', county: '620199', type: 'township_health_center' });
      // The listing resolves the old code through the in-memory snapshot, so this proves the refresh.
      const listed = await call('GET', 'institutions?county=620199');
      expect(listed.body).toEqual([{ id: 'T-ADMIN-OLD', name: '七里河测试卫生院', county: '620103', type: 'township_health_center', level: 2, active: true }]);
    });
  });

  describe('institutions', () => {
    it('registers one or a list, defaulting the level from the type', async () => {
      const one = await call('POST', 'institutions', { id: 'T-ADMIN-CH', name: '城关区测试医院', county: '620102', type: 'county_hospital' });
      expect(one).toEqual({
        status: 200,
        body: {
          registered: 1,
          institutions: [{ id: 'T-ADMIN-CH', name: '城关区测试医院', county: '620102', type: 'county_hospital', level: 3, active: true }],
        },
      });
      const many = await call('POST', 'institutions', [
        { id: 'T-ADMIN-VC1', name: '测试村卫生室一', county: '620102', type: 'village_clinic' },
        { id: 'T-ADMIN-VC2', name: '测试村卫生室二', county: '620102', type: 'village_clinic', level: 2 },
      ]);
      expect(many.body.registered).toBe(2);
      const clinics = await call('GET', 'institutions?county=620102&type=village_clinic');
      expect(clinics.body.map((i: { id: string; level: number }) => [i.id, i.level])).toEqual([
        ['T-ADMIN-VC1', 1],
        ['T-ADMIN-VC2', 2],
      ]);
    });

    it('rejects an unknown county with a code, and registers nothing of the batch', async () => {
      const answer = await call('POST', 'institutions', [
        { id: 'T-ADMIN-GOOD', name: '好的', county: '620102', type: 'village_clinic' },
        { id: 'T-ADMIN-BAD', name: '坏的', county: '629999', type: 'village_clinic' },
        { id: 'T-ADMIN-CITY', name: '市级', county: '620100', type: 'township_health_center' },
      ]);
      expect(answer.status).toBe(422);
      expect(answer.body).toMatchObject({ statusCode: 422, code: 'invalid_registration', message: expect.stringContaining('nothing was registered') });
      expect(answer.body.errors).toEqual([
        { index: 1, path: 'county', code: 'unknown_region', message: expect.any(String) },
        { index: 2, path: 'county', code: 'not_a_county', message: expect.any(String) },
      ]);
      const { rows } = await pool.query("SELECT id FROM institutions WHERE id IN ('T-ADMIN-GOOD', 'T-ADMIN-BAD', 'T-ADMIN-CITY')");
      expect(rows).toEqual([]);
    });

    it('answers a malformed body 400 invalid_request naming the item and field', async () => {
      const answer = await call('POST', 'institutions', [{ id: 'T-ADMIN-X', name: 'x', county: '62010', type: 'hospital' }]);
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('invalid_request');
      expect(answer.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['county', 'type']);
      expect((await call('GET', 'institutions?type=hospital')).body).toMatchObject({ statusCode: 400, code: 'invalid_request' });
    });

    it('renames and deactivates; a deactivated institution gets no new key', async () => {
      const renamed = await call('PATCH', 'institutions/T-ADMIN-VC2', { name: '测试村卫生室二（新址）', active: false });
      expect(renamed.body).toMatchObject({ id: 'T-ADMIN-VC2', name: '测试村卫生室二（新址）', active: false });
      expect(await call('POST', 'api-keys', { institutionId: 'T-ADMIN-VC2' })).toMatchObject({ status: 409, body: { code: 'institution_inactive' } });
      expect(await call('PATCH', 'institutions/T-ADMIN-NONE', { active: false })).toMatchObject({ status: 404, body: { code: 'institution_not_found' } });
    });
  });

  describe('credentials', () => {
    it('issues an API key once and stores it only hashed', async () => {
      const answer = await call('POST', 'api-keys', { institutionId: 'T-ADMIN-CH', label: 'admin test' });
      expect(answer).toEqual({ status: 201, body: { id: expect.any(String), institutionId: 'T-ADMIN-CH', key: expect.stringMatching(/^hik_[\w-]{43}$/) } });
      const { key, id } = answer.body;
      expect(await tablesContaining(key)).toEqual([]);
      const sha256 = createHash('sha256').update(key).digest('hex');
      const { rows } = await pool.query('SELECT institution_id, key_hash, label FROM institution_api_keys WHERE id = $1', [id]);
      expect(rows).toEqual([{ institution_id: 'T-ADMIN-CH', key_hash: sha256, label: 'admin test' }]);
    });

    it('issues keys in bulk, and refuses an unknown institution', async () => {
      const bulk = await call('POST', 'api-keys', [{ institutionId: 'T-ADMIN-CH' }, { institutionId: 'T-ADMIN-VC1' }]);
      expect(bulk.status).toBe(201);
      expect(bulk.body.map((k: { institutionId: string }) => k.institutionId)).toEqual(['T-ADMIN-CH', 'T-ADMIN-VC1']);
      expect(await call('POST', 'api-keys', { institutionId: 'T-ADMIN-NONE' })).toMatchObject({ status: 404, body: { code: 'institution_not_found' } });
    });

    it('issues a bureau token for a region (superseded codes mapped), stored only hashed', async () => {
      const answer = await call('POST', 'bureau-tokens', { region: '620199', label: '七里河区卫健局' });
      expect(answer).toEqual({ status: 201, body: { id: expect.any(String), region: '620103', token: expect.stringMatching(/^hbt_/) } });
      expect(await tablesContaining(answer.body.token)).toEqual([]);
      const verified = await call('POST', 'credentials/verify', { bureauTokens: [answer.body.token, 'hbt_unknown'] });
      expect(verified.body).toEqual({ apiKeys: [], apiKeyIds: [], bureauTokens: ['620103', null] });
      expect(await call('POST', 'bureau-tokens', { region: '629999' })).toMatchObject({ status: 422, body: { code: 'unknown_region' } });
    });

    it('revokes an API key', async () => {
      const { id, key } = (await call('POST', 'api-keys', { institutionId: 'T-ADMIN-CH' })).body;
      expect((await call('POST', 'credentials/verify', { apiKeys: [key] })).body).toMatchObject({ apiKeys: ['T-ADMIN-CH'], apiKeyIds: [id] });
      expect(await call('DELETE', `api-keys/${id}`)).toEqual({ status: 204, body: undefined });
      expect((await call('POST', 'credentials/verify', { apiKeys: [key] })).body.apiKeys).toEqual([null]);
      const { rows } = await pool.query('SELECT revoked_at IS NOT NULL AS revoked FROM institution_api_keys WHERE id = $1', [id]);
      expect(rows).toEqual([{ revoked: true }]);
      expect(await call('DELETE', `api-keys/${id}`)).toMatchObject({ status: 404, body: { code: 'api_key_not_found' } });
      expect(await call('DELETE', 'api-keys/not-a-uuid')).toMatchObject({ status: 400, body: { code: 'invalid_request' } });
    });
  });

  describe('CLI', () => {
    it('exits 2 on a usage error and 1 on an API error, with the code', async () => {
      const usage = await cli(['institutions', 'remove', 'x']);
      expect(usage.code).toBe(2);
      expect(usage.stderr).toContain('unknown command');
      const refused = await cli(['institutions', 'list'], { ADMIN_TOKEN: 'not-the-admin-token-at-all-000000' });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('invalid_admin_token');
    });

    it('wraps the admin API: add, list, issue, deactivate', async () => {
      expect((await cli(['institutions', 'add', 'T-ADMIN-CLI', 'CLI 测试卫生院', '--county', '620103', '--type', 'township_health_center'])).code).toBe(0);
      const listed = await cli(['institutions', 'list', '--county', '620103', '--type', 'township_health_center']);
      expect(JSON.parse(listed.stdout).map((i: { id: string }) => i.id)).toContain('T-ADMIN-CLI');
      const issued = await cli(['api-keys', 'issue', 'T-ADMIN-CLI']);
      expect(JSON.parse(issued.stdout)).toMatchObject({ institutionId: 'T-ADMIN-CLI', key: expect.stringMatching(/^hik_/) });
      expect((await cli(['api-keys', 'revoke', JSON.parse(issued.stdout).id])).code).toBe(0);
      expect(JSON.parse((await cli(['institutions', 'deactivate', 'T-ADMIN-CLI'])).stdout)).toMatchObject({ active: false });
    });

    it('seed-demo loads 安康 end to end, writes the credentials file, and is idempotent', async () => {
      const demo = ankangDemo();
      const demoIds = demo.institutions.map((i) => i.id);
      const credentialsFile = path.join(mkdtempSync(path.join(tmpdir(), 'seed-demo-')), 'demo-credentials.json');
      const seedKeys = async () => Number((await pool.query("SELECT count(*) AS n FROM institution_api_keys WHERE label = 'seed-demo'")).rows[0].n);

      const first = await cli(['seed-demo', '--credentials', credentialsFile]);
      expect(first).toMatchObject({ code: 0 });
      expect(JSON.parse(first.stdout)).toMatchObject({ institutions: demoIds.length, apiKeys: { issued: demoIds.length }, bureauTokens: { issued: 11 } });

      const { rows: counties } = await pool.query("SELECT code FROM regions WHERE parent_code = '610900' AND level = 'county' ORDER BY code");
      expect(counties.map((r) => r.code)).toEqual(ANKANG_COUNTIES.map((c) => c.code).sort());
      const { rows: registered } = await pool.query('SELECT count(*)::int AS n FROM institutions WHERE id = ANY($1)', [demoIds]);
      expect(registered[0].n).toBe(demoIds.length);
      const hanyin = (await call('GET', 'institutions?county=610921')).body.map((i: { id: string }) => i.id);
      expect(hanyin).toEqual(expect.arrayContaining(demo.institutions.filter((i) => i.county === '610921').map((i) => i.id)));
      const { rows: populations } = await pool.query("SELECT count(*)::int AS n FROM populations WHERE grp = 'priority_residents' AND region = '610921'");
      expect(populations[0].n).toBe(3);
      expect(await seedKeys()).toBe(demoIds.length);

      const credentials = JSON.parse(readFileSync(credentialsFile, 'utf8')) as {
        institutions: Record<string, string>;
        apiKeyIds: Record<string, string>;
        bureaus: Record<string, string>;
      };
      expect(Object.keys(credentials.institutions).sort()).toEqual([...demoIds].sort());
      // Each key's id beside it: what an institution signs its raw-topic messages with (hi-key-id).
      const { rows: keyIds } = await pool.query('SELECT id FROM institution_api_keys WHERE key_hash = $1', [
        createHash('sha256').update(credentials.institutions['610921-THC-001']).digest('hex'),
      ]);
      expect(credentials.apiKeyIds['610921-THC-001']).toBe(keyIds[0].id);
      expect(Object.keys(credentials.apiKeyIds).sort()).toEqual([...demoIds].sort());
      expect(Object.keys(credentials.bureaus).sort()).toEqual(['610900', ...ANKANG_COUNTIES.map((c) => c.code)].sort());
      const verified = await call('POST', 'credentials/verify', {
        apiKeys: [credentials.institutions['610921-THC-001']],
        bureauTokens: [credentials.bureaus['610900']],
      });
      expect(verified.body).toEqual({ apiKeys: ['610921-THC-001'], apiKeyIds: [credentials.apiKeyIds['610921-THC-001']], bureauTokens: ['610900'] });

      const second = await cli(['seed-demo', '--credentials', credentialsFile]);
      expect(second).toMatchObject({ code: 0 });
      expect(JSON.parse(second.stdout)).toMatchObject({ apiKeys: { reused: demoIds.length, issued: 0 }, bureauTokens: { reused: 11, issued: 0 } });
      expect(JSON.parse(readFileSync(credentialsFile, 'utf8'))).toEqual(credentials);
      expect(await seedKeys()).toBe(demoIds.length);
      // A file saved without key ids gets them back, its keys kept.
      writeFileSync(credentialsFile, JSON.stringify({ institutions: credentials.institutions, bureaus: credentials.bureaus }));
      expect(JSON.parse((await cli(['seed-demo', '--credentials', credentialsFile])).stdout)).toMatchObject({ apiKeys: { reused: demoIds.length, issued: 0 } });
      expect(JSON.parse(readFileSync(credentialsFile, 'utf8'))).toEqual(credentials);
      const { rows: again } = await pool.query('SELECT count(*)::int AS n FROM institutions WHERE id = ANY($1)', [demoIds]);
      expect(again[0].n).toBe(demoIds.length);
    });
  });
});
