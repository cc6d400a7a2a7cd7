import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { AppProcess } from '../support/app-process';
import { seedRegistry } from '../support/registry-fixture';
import { testEnvironment } from '../support/test-environment';

/**
 * The working calendar an operator keeps (docs/alerting.md, "Holidays"): 2026 and 2027 as shipped by the
 * migration, a year loaded with the CLI, a wrong upload refused whole, and a silent feed judged on it by
 * the running alerting app. The feed's dates are in 2099 (a year the test loads itself) so the app's
 * own clock, which sweeps at the real now, never sees them as past.
 */
describe('working calendar: holidays and make-up days an operator loads', () => {
  const env = testEnvironment();
  const pool = new Pool({ connectionString: env.DATABASE_URL });
  const admin = { authorization: 'Bearer dev-admin-token-change-me-000000', 'content-type': 'application/json' };
  const alerting = new AppProcess('alerting', 3934, { ALERT_EVALUATION_INTERVAL_SECONDS: '3600', FEED_STALE_AFTER_WORKING_HOURS: '4' });
  const dir = mkdtempSync(path.join(tmpdir(), 'calendar-'));
  const cst = (s: string) => `${s}+08:00`;
  let institutionId: string;

  const api = async (method: string, route: string, body?: unknown) => {
    const response = await fetch(`${alerting.url}${route}`, { method, headers: admin, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, body: await response.json().catch(() => null) };
  };
  const cli = (...args: string[]) =>
    execFileSync(process.execPath, [path.resolve(__dirname, '../../dist/apps/alerting/src/cli.js'), ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  const feedAlerts = async () => ((await api('GET', '/v1/alerts?indicator=feed_stale')).body as any[]).filter((a) => a.region === institutionId);

  beforeAll(async () => {
    const institutions = await seedRegistry(pool);
    institutionId = institutions.find((i) => i.type === 'township_health_center')!.id;
    await alerting.start();
  });

  afterAll(async () => {
    await alerting.stop();
    await pool.end();
  });

  it('ships 2026 as the State Council set it and 2027 as provisional', async () => {
    const years = (await api('GET', '/v1/working-calendar')).body as any[];
    expect(years.map((y) => [y.year, y.status, y.holidays, y.workdays])).toEqual(
      expect.arrayContaining([
        [2026, 'official', 33, 6],
        [2027, 'provisional', 13, 0],
      ]),
    );
    const days = new Map(((await api('GET', '/v1/working-calendar/2026')).body.days as any[]).map((d) => [d.date, `${d.kind} ${d.name}`]));
    expect(days.get('2026-02-14')).toBe('workday 春节');
    expect(days.get('2026-02-23')).toBe('holiday 春节');
    expect(days.get('2026-10-07')).toBe('holiday 国庆节');
    expect(days.get('2026-09-20')).toBe('workday 国庆节');
    expect(days.has('2026-10-08')).toBe(false);
    const missing = await api('GET', '/v1/working-calendar/2031');
    expect({ status: missing.status, code: missing.body.code }).toEqual({ status: 404, code: 'calendar_year_not_found' });
  });

  it('refuses a wrong upload whole, naming each problem, and keeps the year as it was', async () => {
    const before = (await api('GET', '/v1/working-calendar/2027')).body.days;
    const refused = await api('PUT', '/v1/working-calendar/2027', {
      status: 'official',
      source: 'a typo',
      days: [
        { date: '2027-02-08', kind: 'holiday', name: '春节' },
        { date: '2027-02-22', kind: 'workday', name: '春节' }, // a Monday
        { date: '2026-10-01', kind: 'holiday', name: '国庆节' },
      ],
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'invalid_calendar' });
    expect(refused.body.errors.map((e: { path: string }) => e.path)).toEqual(['days[1].date', 'days[2].date']);
    expect(
      (await api('PUT', '/v1/working-calendar/2027', { status: 'official', source: 'x', days: [{ date: '2027-01-01', kind: 'off', name: '元旦' }] })).status,
    ).toBe(400);
    expect((await api('GET', '/v1/working-calendar/2027')).body.days).toEqual(before);
    expect((await fetch(`${alerting.url}/v1/working-calendar`)).status).toBe(401);
  });

  it('loads a year with the CLI; a feed silent over its holidays is not stale until working hours pass', async () => {
    // 2099: 1–7 October off (Thursday to Wednesday), Saturday 10 October worked.
    const file = path.join(dir, 'calendar-2099.json');
    writeFileSync(
      file,
      JSON.stringify({
        year: 2099,
        status: 'official',
        source: 'test notice',
        days: [
          ...[1, 2, 3, 4, 5, 6, 7].map((d) => ({ date: `2099-10-0${d}`, kind: 'holiday', name: '国庆节' })),
          { date: '2099-10-10', kind: 'workday', name: '国庆节' },
        ],
      }),
    );
    expect(cli('calendar-import', '--file', file)).toMatch(/2099 \(official\): 7 holidays, 1 make-up working days stored/);
    expect(cli('calendar-show', '--year', '2099')).toContain('2099-10-10  workday  国庆节');
    writeFileSync(file, JSON.stringify({ year: 2099, status: 'official', source: 'x', days: [{ date: '2099-10-12', kind: 'workday', name: '国庆节' }] }));
    expect(() => cli('calendar-import', '--file', file)).toThrow(/days\[0\]\.date: 2099-10-12 is a weekday/);

    // Last heard on Wednesday 30 September at 17:00: one working hour left that day.
    await pool.query(
      `INSERT INTO institution_feeds (institution_id, last_occurred_at, last_received_at) VALUES ($1, $2, $2)
       ON CONFLICT (institution_id) DO UPDATE SET last_received_at = EXCLUDED.last_received_at`,
      [institutionId, cst('2099-09-30T17:00:00')],
    );
    // Mid-holiday (and the Friday after, without a calendar, would have been 21 working hours): quiet is not silence.
    expect((await api('POST', '/v1/evaluations', { at: cst('2099-10-07T16:00:00') })).status).toBe(200);
    expect(await feedAlerts()).toEqual([]);
    // Thursday 8 October 10:59: 1 + 2:59 working hours.
    expect((await api('POST', '/v1/evaluations', { at: cst('2099-10-08T10:59:00') })).status).toBe(200);
    expect(await feedAlerts()).toEqual([]);
    expect((await api('POST', '/v1/evaluations', { at: cst('2099-10-08T11:00:00') })).status).toBe(200);
    expect(await feedAlerts()).toEqual([expect.objectContaining({ kind: 'feed_stale', state: 'firing', bureau: expect.stringMatching(/^6109/) })]);
  });
});
