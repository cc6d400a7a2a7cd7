import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Pool } from 'pg';
import { AppName, AppProcess } from '../support/app-process';
import { issueApiKey, seedRegistry } from '../support/registry-fixture';
import { testEnvironment } from '../support/test-environment';

const APPS: AppName[] = ['ingest', 'query', 'aggregator', 'alerting', 'simulator'];
const ROOT = path.resolve(__dirname, '../..');
const run = promisify(execFile);

type Operation = { security?: unknown[]; responses: Record<string, { content?: Record<string, { schema?: unknown }> }> };
type Document = {
  info: { description?: string };
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, { bearerFormat?: string }> };
};

/** Every app's served OpenAPI document, checked the way an integrator's tool chain would read it. */
describe('OpenAPI documents as served', () => {
  const env = testEnvironment();
  const pool = new Pool({ connectionString: env.DATABASE_URL });
  const processes = APPS.map((app, i) => new AppProcess(app, 3925 + i, app === 'ingest' ? { RAW_DOOR_ENABLED: 'false' } : {}));
  const documents = new Map<AppName, Document>();
  const scratch = mkdtempSync(path.join(tmpdir(), 'openapi-'));

  beforeAll(async () => {
    await seedRegistry(pool);
    await Promise.all(processes.map((p) => p.start()));
    for (const [i, app] of APPS.entries()) {
      const response = await fetch(`${processes[i].url}/docs-json`);
      expect(response.status).toBe(200);
      documents.set(app, (await response.json()) as Document);
    }
  });

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await pool.end();
    rmSync(scratch, { recursive: true, force: true });
  });

  it.each(APPS)('%s: the page links the JSON, and credentials are opaque bearer tokens', async (app) => {
    const document = documents.get(app) as Document;
    const page = await fetch(`${processes[APPS.indexOf(app)].url}/docs`);
    expect(page.status).toBe(200);
    expect(document.info.description).toContain('(/docs-json)');
    expect(Object.values(document.components.securitySchemes).map((scheme) => scheme.bearerFormat)).toEqual(['opaque']);
  });

  it.each(APPS)('%s: swagger-parser validates the document', async (app) => {
    const file = path.join(scratch, `${app}.parser.json`);
    writeFileSync(file, JSON.stringify(documents.get(app)));
    // In a node process of its own: its dependencies are ES modules, which jest's CommonJS runtime cannot load.
    const validate =
      "require('@apidevtools/swagger-parser').validate(process.argv[1]).then(() => console.log('valid'), (e) => { console.log(e.message); process.exitCode = 1; })";
    const outcome = await run(process.execPath, ['-e', validate, file], { cwd: ROOT }).then(
      ({ stdout }) => stdout,
      (error: Error & { stdout?: string }) => error.stdout ?? String(error),
    );
    expect(outcome.trim()).toBe('valid');
  });

  it.each(APPS)('%s: redocly lint reports no error (examples checked against their schemas)', async (app) => {
    const file = path.join(scratch, `${app}.json`);
    writeFileSync(file, JSON.stringify(documents.get(app)));
    const report = path.join(scratch, `${app}.lint.json`);
    // Exit code 1 on errors: the report is read either way.
    await run(path.join(ROOT, 'node_modules/.bin/redocly'), ['lint', file, '--config', path.join(ROOT, 'redocly.yaml'), '--format=json'], {
      cwd: ROOT,
      maxBuffer: 64 << 20,
    })
      .then(({ stdout }) => writeFileSync(report, stdout))
      .catch((error: { stdout?: string }) => writeFileSync(report, error.stdout ?? ''));
    const { totals, problems } = JSON.parse(readFileSync(report, 'utf8')) as {
      totals: { errors: number };
      problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[];
    };
    const errors = problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`);
    expect(errors).toEqual([]);
    expect(totals.errors).toBe(0);
  });

  it.each(APPS)('%s: every operation documents its success with a schema, and 401/429 behind a credential', (app) => {
    const gaps: string[] = [];
    for (const [route, item] of Object.entries((documents.get(app) as Document).paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const where = `${method.toUpperCase()} ${route}`;
        const successes = Object.entries(operation.responses).filter(([status]) => status.startsWith('2'));
        if (successes.length === 0) gaps.push(`${where}: no 2xx response`);
        for (const [status, response] of successes) {
          if (status === '204') continue;
          if (!response.content || Object.values(response.content).some((media) => media.schema === undefined))
            gaps.push(`${where}: ${status} without a schema`);
        }
        if ((operation.security?.length ?? 0) > 0 && !(operation.responses['401'] && operation.responses['429'])) gaps.push(`${where}: 401 or 429 missing`);
      }
    }
    expect(gaps).toEqual([]);
  });

  it('ingest: every request example, posted as it is today, is accepted', async () => {
    const document = documents.get('ingest') as unknown as {
      paths: { '/v1/events': { post: { requestBody: { content: { 'application/json': { examples: Record<string, { value: unknown }> } } } } } };
    };
    const examples = document.paths['/v1/events'].post.requestBody.content['application/json'].examples;
    expect(Object.keys(examples).length).toBeGreaterThan(1);
    const keys = new Map<string, string>();
    const outcomes: Record<string, unknown> = {};
    const expected: Record<string, unknown> = {};
    for (const [name, { value }] of Object.entries(examples)) {
      const events = (value as { events?: { institutionId: string }[] }).events ?? [value as { institutionId: string }];
      const institution = events[0].institutionId;
      if (!keys.has(institution)) keys.set(institution, await issueApiKey(pool, institution));
      const response = await fetch(`${processes[0].url}/v1/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${keys.get(institution)}` },
        body: JSON.stringify(value),
      });
      const body = (await response.json()) as { results: { status: string; errors?: unknown }[] };
      outcomes[name] = { status: response.status, results: body.results.map((r) => r.errors ?? r.status) };
      expected[name] = { status: 202, results: events.map(() => 'accepted') };
    }
    expect(outcomes).toEqual(expected);
  });
});
