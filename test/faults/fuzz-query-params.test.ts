import fc from 'fast-check';
import { Pool } from 'pg';
import { CATALOGUE } from '@lib/indicators';
import { AppProcess } from '../support/app-process';
import { issueBureauToken } from '../support/bureau-fixture';
import { seedRegistry } from '../support/registry-fixture';
import { testEnvironment } from '../support/test-environment';
import { nastyString, SQL_STRINGS } from './support/nasty-strings';
import { FUZZ_SEED, size } from './support/fault-config';
import { recordFigures } from './support/figures';
import { send, Tally } from './support/http-client';

const RUNS = size(1500, 8000);
/** Lone surrogates cannot be percent-encoded; they are sent as U+FFFD, as a browser would. */
const enc = (s: string) => encodeURIComponent((s as string & { toWellFormed(): string }).toWellFormed());
/** Text that only a database error would put in a body (unless the request itself carried it). */
const SQL_ERROR_TEXT = [
  'syntax error',
  'relation "',
  'column "',
  'pg_',
  'postgres',
  'invalid input syntax',
  'at character',
  'QueryFailed',
  'violates',
  'SQLSTATE',
];

/**
 * Query parameters fuzzed on every bureau read endpoint: random strings, SQL fragments, odd Unicode
 * and huge values in paths and parameters. Never a 5xx, never a database error's text in a body.
 */
describe('fuzz: query parameters', () => {
  const pool = new Pool({ connectionString: testEnvironment().DATABASE_URL });
  const query = new AppProcess('query', 3993);
  const statuses = new Tally();
  const endpoints = new Tally();
  let token = '';

  beforeAll(async () => {
    await seedRegistry(pool);
    token = await issueBureauToken(pool, '610900');
    await query.start();
  });

  afterAll(async () => {
    await query.stop();
    await pool.end();
    recordFigures('fuzz-query-params', {
      requests: statuses.total,
      byEndpoint: endpoints.counts,
      statuses: statuses.counts,
      serverErrors: statuses.counts['5xx'] ?? 0,
    });
  });

  it(`answers ${RUNS} fuzzed requests without 5xx or SQL error text`, async () => {
    const value = fc.oneof(
      nastyString,
      fc.constantFrom(...SQL_STRINGS),
      fc.constantFrom(
        '2024',
        '2024Q1',
        '202403',
        '20240315',
        '610900',
        '610921',
        'county',
        'institution',
        '99999999999999999999',
        '-1',
        '1e308',
        'NaN',
        '0',
        '',
      ),
      fc.integer({ min: 1000, max: 12_000 }).map((n) => 'A'.repeat(n)),
      fc.bigInt().map(String),
    );
    const code = fc.oneof(fc.constantFrom(...CATALOGUE.map((d) => d.code)), nastyString);
    const params = fc.dictionary(
      fc.oneof(
        fc.constantFrom('period', 'region', 'level', 'from', 'to', 'vaccine', 'dose', 'cohort', 'format', 'part', 'cursor', 'limit', 'state', 'indicator'),
        nastyString,
      ),
      value,
      { maxKeys: 5 },
    );
    const endpoint = fc.oneof(
      // Weighted: the parameterised reads are where SQL is built.
      {
        arbitrary: fc
          .tuple(code, fc.constantFrom('values', 'series', 'ranking', 'provenance'))
          .map(([c, kind]) => ({ name: kind, path: `/v1/indicators/${enc(c)}/${kind}` })),
        weight: 8,
      },
      fc.constant({ name: 'alerts', path: '/v1/alerts' }),
      value.map((id) => ({ name: 'alert', path: `/v1/alerts/${enc(id)}` })),
      value.map((region) => ({ name: 'regions', path: `/v1/regions/${enc(region)}` })),
      code.map((c) => ({ name: 'indicator', path: `/v1/indicators/${enc(c)}` })),
      code.map((c) => ({ name: 'fhir', path: `/v1/fhir/Measure/${enc(c)}` })),
    );
    await fc.assert(
      fc.asyncProperty(endpoint, params, async (e, p) => {
        endpoints.add(e.name);
        const url = `${query.url}${e.path}?${new URLSearchParams(p).toString()}`;
        const answer = await send(url, { headers: { authorization: `Bearer ${token}` } });
        statuses.add(answer.status >= 500 ? '5xx' : String(answer.status));
        const asked = `${e.path} ${JSON.stringify(p)}`.toLowerCase();
        const leaked = SQL_ERROR_TEXT.filter((t) => answer.text.toLowerCase().includes(t.toLowerCase()) && !asked.includes(t.toLowerCase()));
        if (answer.status >= 500 || leaked.length > 0) throw new Error(`${url.slice(0, 300)} → ${answer.status} ${answer.text.slice(0, 300)}`);
      }),
      { seed: FUZZ_SEED + 4, numRuns: RUNS },
    );
    expect(await query.healthy()).toBe(true);
  }, 240_000);
});
