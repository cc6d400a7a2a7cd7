import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { DEVELOPMENT_ADMIN_TOKEN } from '@lib/config';
import { createKafkaClient, TOPICS } from '@lib/kafka';
import { ankangDemo } from '@lib/registry';
import { headerCell, templateColumns } from '../../apps/ingest/src/import/csv-templates';
import { HistoricVisit, visitHistory } from '../../tools/lib/visit-history';
import { AppProcess, eventually, sleep } from '../support/app-process';
import { seedRegistry } from '../support/registry-fixture';
import { runTool } from '../support/run-tool';
import { testEnvironment } from '../support/test-environment';

/**
 * The bulk import through the real stack: files of a past year (beyond the live door's 400 days)
 * imported with tools/import-events into ingest, through the canonical topic and the aggregator, and
 * the year's counters compared with a reference computed here from the file's rows by DOMAIN.md's
 * definition of 县域就诊率. Re-running adds nothing; a CLI killed midway resumes to exact totals.
 */
const ROOT = path.resolve(__dirname, '../..');
const env = testEnvironment();
const pool = new Pool({ connectionString: env.DATABASE_URL });
// The file's database is dropped after the suite; an idle client told so is no failure.
pool.on('error', () => undefined);
const ingest = new AppProcess('ingest', 4741, { RAW_DOOR_ENABLED: 'false' });
const aggregator = new AppProcess('aggregator', 4742);
const work = mkdtempSync(path.join(tmpdir(), 'bulk-import-'));
const run = Date.now().toString(36);
const thisYear = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
/** Far enough back for both files' years; the live door's horizon is 400 days. */
const MAX_AGE_DAYS = '1500';
const countyOf = new Map(ankangDemo().institutions.map((i) => [i.id, i.county]));

/** 县域就诊率 of a year from the rows that should count: per residence county, visits at home / all visits (a discharge is no visit). */
function countyVisitReference(visits: readonly HistoricVisit[], year: number): Map<string, number> {
  const expected = new Map<string, number>();
  const add = (key: string) => expected.set(key, (expected.get(key) ?? 0) + 1);
  for (const visit of visits) {
    if (visit.action === 'discharge') continue;
    const residence = visit.person.residenceRegion;
    const atHome = countyOf.get(visit.institutionId) === residence;
    for (const region of [residence, '610900']) {
      const level = region === '610900' ? 'city' : 'county';
      add(`denominator|${level}|${region}|${year}`);
      if (atHome) add(`numerator|${level}|${region}|${year}`);
    }
  }
  return expected;
}

async function countyVisitCounters(year: number): Promise<Map<string, number>> {
  // The year's value is the sum of its months (a year is not stored for an indicator that adds up).
  const { rows } = await pool.query<{ measure: string; level: string; region: string; value: string }>(
    `SELECT measure, level, region, sum(value) AS value FROM indicator_counter_values
     WHERE indicator = 'county_visit_rate' AND period ~ ('^' || $1 || '[0-9]{2}$') AND dims = '' AND level IN ('county', 'city')
     GROUP BY measure, level, region HAVING sum(value) <> 0`,
    [String(year)],
  );
  return new Map(rows.map((r) => [`${r.measure}|${r.level}|${r.region}|${year}`, Number(r.value)]));
}

/** Every message on the canonical topic has been applied (the aggregator's stored offsets reach the high watermarks). */
async function settled(): Promise<void> {
  const admin = createKafkaClient(env, 'test-settled').admin();
  await admin.connect();
  try {
    const topic = env.KAFKA_TOPIC_PREFIX + TOPICS.events;
    const high = (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high), 0);
    await eventually(
      async () =>
        Number((await pool.query<{ n: string | null }>('SELECT sum(next_offset) AS n FROM consumer_offsets WHERE topic = $1', [topic])).rows[0].n ?? 0),
      (applied) => applied >= high,
      120_000,
    );
  } finally {
    await admin.disconnect();
  }
}

const wrongCheckCharacter = (id: string) => id.slice(0, 17) + (id[17] === '1' ? '2' : '1');

const importArgs = (file: string, extra: string[] = []) => [file, '--authorised-by', '汉阴县卫健局 test', '--max-age-days', MAX_AGE_DAYS, ...extra];
const cliEnv = { INGEST_URL: ingest.url };

interface ReportLine {
  row: number;
  code: string;
}
function reportLines(file: string): ReportLine[] {
  const [, ...lines] = readFileSync(file, 'utf8')
    .split('\r\n')
    .filter((l) => l !== '');
  return lines.map((line) => {
    const [row, , code] = line.split(',');
    return { row: Number(row), code };
  });
}

beforeAll(async () => {
  await seedRegistry(pool);
  await Promise.all([ingest.start(), aggregator.start()]);
});

afterAll(async () => {
  await Promise.all([ingest.stop(), aggregator.stop()]);
  await pool.end();
  rmSync(work, { recursive: true, force: true });
});

describe('bulk import of an NDJSON history with bad rows', () => {
  const year = thisYear - 2;
  const good = [...visitHistory({ year, count: 3000, seed: 17, idPrefix: `imp-${run}` })];
  const file = path.join(work, 'history.ndjson');
  const report = `${file}.rejected.csv`;
  const lines: string[] = good.map((v) => JSON.stringify(v));
  /** Bad rows go in at these 0-based line indexes; their 1-based numbers are what the report must list. */
  const bad: { at: number; line: string; code: string }[] = [
    { at: 10, line: '{"eventId": "broken', code: 'invalid_json' },
    { at: 200, line: JSON.stringify({ ...good[0], eventId: `bad-${run}-1`, institutionId: '610921-XXX-999' }), code: 'unknown_institution' },
    {
      at: 1500,
      line: JSON.stringify({ ...good[1], eventId: `bad-${run}-2`, person: { ...good[1].person, id: wrongCheckCharacter(good[1].person.id) } }),
      code: 'invalid_id_number',
    },
    { at: 2200, line: JSON.stringify({ ...good[2], eventId: `bad-${run}-3`, occurredAt: `${thisYear - 8}-06-01T09:00:00+08:00` }), code: 'too_old' },
    {
      at: 2900,
      line: JSON.stringify({ ...good[3], eventId: `bad-${run}-4`, person: { ...good[3].person, residenceRegion: '610999' } }),
      code: 'unknown_region',
    },
  ];
  for (const row of [...bad].reverse()) lines.splice(row.at, 0, row.line);
  lines.splice(500, 0, ''); // a blank line: skipped, but it keeps its line number
  lines.push(JSON.stringify(good[42])); // the same event version twice in one file: a duplicate, counted once
  const expectedRows = bad.map((b) => ({ row: lines.indexOf(b.line) + 1, code: b.code }));

  beforeAll(() => writeFileSync(file, `${lines.join('\n')}\n`));

  it('accepts the year beyond the live horizon, reports exactly the bad rows, and the counters equal the reference', async () => {
    const startedAt = new Date();
    const result = await runTool('import-events', cliEnv, importArgs(file, ['--part-rows', '1200']));
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.output.slice(result.output.indexOf('{'))) as Record<string, number | string>;
    expect(summary).toMatchObject({ rows: lines.length - 1, accepted: good.length, duplicate: 1, rejected: bad.length });
    expect(reportLines(report)).toEqual(expectedRows);

    await settled();
    expect(await countyVisitCounters(year)).toEqual(countyVisitReference(good, year));
    // Marked as imported in the ledger, under the authorisation the import recorded.
    const { rows } = await pool.query<{ n: string; authorised_by: string }>(
      `SELECT count(*) AS n, min(i.authorised_by) AS authorised_by FROM event_ledger l JOIN event_imports i ON i.id = (l.payload->>'importId')::uuid WHERE i.id = $1`,
      [summary.importId],
    );
    expect(Number(rows[0].n)).toBe(good.length);
    expect(rows[0].authorised_by).toBe('汉阴县卫健局 test');
    // History an operator loaded is not the institutions reporting: no feed looks alive because of it.
    const feeds = await pool.query(`SELECT institution_id FROM institution_feeds WHERE institution_id = ANY($1) AND last_received_at >= $2`, [
      [...new Set(good.map((v) => v.institutionId))],
      startedAt,
    ]);
    expect(feeds.rows).toEqual([]);
    // No clear ID number left the door.
    const clear = await pool.query(`SELECT 1 FROM event_ledger WHERE payload::text LIKE $1 LIMIT 1`, [`%${good[5].person.id}%`]);
    expect(clear.rowCount).toBe(0);
  });

  it('adds nothing when the same file is imported again', async () => {
    const result = await runTool('import-events', cliEnv, importArgs(file));
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.output.slice(result.output.indexOf('{'))) as Record<string, number>;
    expect(summary).toMatchObject({ accepted: 0, duplicate: good.length + 1, rejected: bad.length });
    await settled();
    expect(await countyVisitCounters(year)).toEqual(countyVisitReference(good, year));
  });

  it('refuses the same history at the live horizon (too_old), as the door does', async () => {
    const sample = path.join(work, 'sample.ndjson');
    writeFileSync(sample, `${JSON.stringify({ ...good[7], eventId: `live-${run}` })}\n`);
    const result = await runTool('import-events', cliEnv, [sample, '--authorised-by', 'no horizon given']);
    expect(result.code).toBe(0);
    expect(reportLines(`${sample}.rejected.csv`)).toEqual([{ row: 1, code: 'too_old' }]);
  });
});

describe('bulk import of a CSV history, killed midway and resumed', () => {
  const year = thisYear - 3;
  const good = [...visitHistory({ year, count: 24_000, seed: 18, idPrefix: `csv-${run}` })];
  const file = path.join(work, 'visit-history.csv');
  const report = `${file}.rejected.csv`;
  const checkpoint = `${file}.import-checkpoint.json`;
  const columns = templateColumns('visit');
  const cells = (v: Record<string, unknown>) =>
    columns.map((c) => {
      const value = c.field.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], v);
      // Numbers and booleans read the same as JSON; an object would not hide as [object Object].
      return value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
    });
  const rows: string[][] = good.map((v) => cells(v as unknown as Record<string, unknown>));
  const bad: { at: number; row: string[]; code: string }[] = [
    { at: 3, row: cells({ ...good[0], eventId: `csvbad-${run}-1`, cost: 'abc' }), code: 'invalid_type' },
    { at: 9000, row: cells({ ...good[1], eventId: `csvbad-${run}-2`, action: 'walk_in' }), code: 'unknown_action' },
    {
      at: 20000,
      row: cells({ ...good[2], eventId: `csvbad-${run}-3`, person: { ...good[2].person, id: wrongCheckCharacter(good[2].person.id) } }),
      code: 'invalid_id_number',
    },
  ];
  for (const b of [...bad].reverse()) rows.splice(b.at, 0, b.row);
  // The spreadsheet row: the header is row 1.
  const expectedRows = bad.map((b) => ({ row: rows.indexOf(b.row) + 2, code: b.code }));

  beforeAll(() => {
    const header = columns.map(headerCell).join(',');
    writeFileSync(file, `\ufeff${header}\r\n${rows.map((r) => r.join(',')).join('\r\n')}\r\n`);
  });

  it('resumes after SIGKILL from its checkpoint: exact totals, each bad row reported once', async () => {
    const child = spawn(process.execPath, [path.join(ROOT, 'dist/tools/import-events.js'), ...importArgs(file, ['--part-rows', '4000'])], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...cliEnv },
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // Killed once some chunks are durable and well before the end.
    await eventually(
      () => (existsSync(checkpoint) ? (JSON.parse(readFileSync(checkpoint, 'utf8')) as { nextRow: number }).nextRow : 0),
      (nextRow) => nextRow > 3000,
      120_000,
    );
    child.kill('SIGKILL');
    await exited;
    const killedAt = (JSON.parse(readFileSync(checkpoint, 'utf8')) as { nextRow: number }).nextRow;
    expect(killedAt).toBeLessThan(rows.length);

    await sleep(500);
    const result = await runTool('import-events', cliEnv, importArgs(file, ['--part-rows', '4000']));
    expect(result.code).toBe(0);
    expect(result.output).toContain(`resuming import`);
    expect(existsSync(checkpoint)).toBe(false);
    const summary = JSON.parse(result.output.slice(result.output.indexOf('{'))) as Record<string, number>;
    expect(summary.rows).toBeGreaterThanOrEqual(rows.length);
    expect(summary.rejected).toBe(bad.length);
    expect(reportLines(report)).toEqual(expectedRows);

    await settled();
    expect(await countyVisitCounters(year)).toEqual(countyVisitReference(good, year));
  }, 300_000);
});

describe('the import door is the operator’s', () => {
  it('refuses an upload without the admin token or with a wrong one, and starts no import', async () => {
    const body = `${JSON.stringify({ eventId: `attack-${run}`, type: 'visit' })}\n`;
    const post = (headers: Record<string, string>) =>
      fetch(`${ingest.url}/v1/admin/imports?authorisedBy=intruder&maxAgeDays=3650`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-ndjson', ...headers },
        body,
      });
    const anonymous = await post({});
    const wrong = await post({ authorization: 'Bearer hik_not-the-admin-token' });
    expect([anonymous.status, wrong.status]).toEqual([401, 401]);
    expect(((await wrong.json()) as { code: string }).code).toBe('invalid_admin_token');
    const { rows } = await pool.query(`SELECT 1 FROM event_imports WHERE authorised_by = 'intruder'`);
    expect(rows).toHaveLength(0);
  });
});

describe('an import part answered before its body is read to the end', () => {
  const rows = [...visitHistory({ year: thisYear - 4, count: 1000, seed: 19, idPrefix: `part-${run}` })].map((v) => `${JSON.stringify(v)}\n`);

  /** One POST of a part of at most 500 rows through `agent`; resolves with the request and its answer's lines once read to the end. */
  const postPart = (agent: Agent, body: string[], importId: string): Promise<{ request: ClientRequest; lines: Record<string, unknown>[] }> =>
    new Promise((resolve, reject) => {
      const request = httpRequest(`${ingest.url}/v1/admin/imports?importId=${importId}&authorisedBy=part%20test&maxAgeDays=${MAX_AGE_DAYS}&maxRows=500`, {
        method: 'POST',
        agent,
        headers: { authorization: `Bearer ${DEVELOPMENT_ADMIN_TOKEN}`, 'content-type': 'application/x-ndjson' },
      });
      request.once('error', reject);
      request.once('response', (response: IncomingMessage) => {
        let text = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        response.once('end', () => resolve({ request, lines: text.split('\n').flatMap((l) => (l === '' ? [] : [JSON.parse(l) as Record<string, unknown>])) }));
      });
      request.end(body.join(''));
    });

  it('leaves the connection to the next request of a keep-alive client that had sent its whole body', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const importId = randomUUID();
      const first = await postPart(agent, rows, importId);
      expect(first.lines.at(-1)).toMatchObject({ type: 'end', complete: false, rows: 500 });
      // The rest of the first body was read and discarded: the same connection carries the next part, and it is answered.
      const next = await postPart(agent, rows.slice(500), importId);
      expect(next.request.reusedSocket).toBe(true);
      expect(next.lines.at(-1)).toMatchObject({ type: 'end', rows: 500 });
    } finally {
      agent.destroy();
    }
  });
});
