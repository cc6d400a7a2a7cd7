// The page functions below run in the browser.
/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Pool } from 'pg';
import { Browser, chromium, Page } from 'playwright-core';
import { EXAMPLE_EVENTS } from '@lib/contracts';
import type { IndicatorChangeMessage } from '@lib/indicator-readings';
import { addDays, cstDayOf } from '@lib/periods';
import { daysToRead } from '@lib/surveillance';
import { ankangDemo } from '@lib/registry';
import { eventually } from '../support/app-process';
import { issueBureauToken } from '../support/bureau-fixture';
import { CHROMIUM_LAUNCH } from '../support/chromium';
import { Pipeline } from '../support/pipeline';
import { issueApiKey } from '../support/registry-fixture';

const ARTIFACTS = path.resolve(__dirname, '../artifacts');
const ANKANG_COUNTIES = ['汉滨区', '汉阴县', '石泉县', '宁陕县', '紫阳县', '岚皋县', '平利县', '镇坪县', '白河县', '旬阳市'];
/** Counties left without demo counters: the live tests watch a cell go from "—" to a value there. */
const LIVE_VIA_COUNTERS = '610923'; // 宁陕县
const LIVE_VIA_INGEST = '610921'; // 汉阴县, where the contract's example visit happens
/** From commit to screen: Kafka, the stream's 250 ms window, the browser. Generous for a busy CI box. */
const LIVE_TIMEOUT_MS = 60_000;

/** Today in China Standard Time: periods (and so the dashboard's default) are CST. */
function cstToday() {
  const shifted = new Date(Date.now() + 8 * 3600_000);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1 };
}

const cellSelector = (indicator: string, level: string, region: string) => `td[data-indicator="${indicator}"][data-level="${level}"][data-region="${region}"]`;

/**
 * The bureau dashboard in Debian's Chromium (headless, playwright-core), against real ingest,
 * aggregator and query processes: the city overview, live updates without reload, the drill-down to
 * a county, and a county token. Screenshots go to test/artifacts/.
 */
describe('dashboard (数字驾驶舱) in a real browser', () => {
  const pipeline = new Pipeline(3971);
  const { pool, ingest, aggregator, query } = pipeline;
  const { year } = cstToday();
  let browser: Browser;
  let page: Page;
  let cityToken: string;
  /** Console errors and uncaught exceptions of the page (CSP violations show up here). */
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await seedDemoCounters(pool, year, cstToday().month);
    await pipeline.start(['query', 'ingest']); // the aggregator joins in the test that needs it
    cityToken = await issueBureauToken(pool, '610900');
    browser = await chromium.launch(CHROMIUM_LAUNCH);
    // Reduced motion: charts draw without animation, so a screenshot shows them settled.
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', reducedMotion: 'reduce' });
    page.on('console', (message) => {
      // The alerting endpoint is not deployed yet: its 404 is expected, and the page shows "暂无预警" for it.
      if (message.type() === 'error' && !message.location().url.includes('/v1/alerts')) pageErrors.push(`${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await pipeline.stop();
  });

  it('opens the city overview with a city token: ten counties, the token out of the address bar, no CSP violation', async () => {
    const response = await page.goto(`${query.url}/dashboard?token=${cityToken}`);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain('unsafe-inline');

    const rows = await eventually(
      () => rowNames(page),
      (names) => ANKANG_COUNTIES.every((name) => names.includes(name)),
    );
    expect(rows).toHaveLength(ANKANG_COUNTIES.length + 1); // + the city's own total row
    expect(page.url()).not.toContain('token');
    await eventually(
      () => page.locator('#alerts').textContent(),
      (text) => text?.includes('暂无预警') ?? false,
    );
    await page.locator('#live.live-on').waitFor({ timeout: 30_000 });
    // Demo counters have loaded into the grid and both charts drew.
    await page.waitForFunction(
      (selector) => /%$/.test(document.querySelector(selector)?.textContent ?? ''),
      cellSelector('county_visit_rate', 'county', '610902'),
    );
    expect(await page.locator('#ranking-chart canvas').count()).toBe(1);
    expect(pageErrors).toEqual([]);
  });

  it('updates a cell live when a committed counter change is announced, without a reload', async () => {
    const cell = page.locator(cellSelector('county_visit_rate', 'county', LIVE_VIA_COUNTERS));
    expect(await cell.textContent()).toBe('—');
    await markPage(page);

    const change: IndicatorChangeMessage = {
      indicator: 'county_visit_rate',
      level: 'county',
      region: LIVE_VIA_COUNTERS,
      dims: '',
      periods: { [String(year)]: { numerator: 9, denominator: 10 } },
      asOf: new Date().toISOString(),
    };
    // The stream's consumer starts at the newest message and may still be joining its group: announce
    // again until the cell shows it (the aggregator announces every commit, so a repeat is harmless).
    await untilPage(page, cellSelector('county_visit_rate', 'county', LIVE_VIA_COUNTERS), '90.0%', () => pipeline.announce(change));
    expect(await cell.textContent()).toBe('90.0%');
    expect(await pageWasNotReloaded(page)).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-overview.png') });
  });

  it('updates a cell live when a visit is posted through ingest and counted by the aggregator', async () => {
    await aggregator.start();
    const selector = cellSelector('county_visit_rate', 'county', LIVE_VIA_INGEST);
    const before = await page.locator(selector).textContent();
    await markPage(page);

    const visit = { ...EXAMPLE_EVENTS.visit[0], eventId: `DASH-${process.pid}-${Date.now()}`, occurredAt: new Date().toISOString().replace('Z', '+00:00') };
    const posted = await fetch(`${ingest.url}/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await issueApiKey(pool, visit.institutionId)}` },
      body: JSON.stringify(visit),
    });
    expect(posted.status).toBe(202);
    expect(((await posted.json()) as { results: { status: string }[] }).results[0].status).toBe('accepted');

    await page.waitForFunction(([s, old]) => document.querySelector(s)?.textContent !== old, [selector, before] as const, { timeout: LIVE_TIMEOUT_MS });
    expect(await page.locator(selector).textContent()).toBe('100.0%'); // 汉阴's first visit of the year, by a resident, in the county
    expect(await pageWasNotReloaded(page)).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-overview-after-visit.png') });
  });

  it('drills down to a county (institutions × indicators) and back to the city', async () => {
    await page.getByRole('link', { name: '汉滨区', exact: true }).click();
    await eventually(
      () => rowNames(page),
      (names) => names.includes('安康市汉滨区第一医院'),
    );
    expect(await page.locator('#grid thead th.col').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('中医药处方占比')]));
    expect(await page.locator('#grid thead th.col').allTextContents()).not.toEqual(expect.arrayContaining([expect.stringContaining('县域就诊率')]));
    await page.waitForFunction(
      (selector) => /%$/.test(document.querySelector(selector)?.textContent ?? ''),
      cellSelector('tcm_prescription_share', 'county', '610902'),
    );
    expect(await page.locator('#crumbs').textContent()).toContain('安康市');
    await page.waitForFunction(() => document.getElementById('series-title')?.textContent?.startsWith('汉滨区'));
    await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-county.png') });

    await page.getByRole('link', { name: '安康市', exact: true }).click();
    await eventually(
      () => rowNames(page),
      (names) => ANKANG_COUNTIES.every((name) => names.includes(name)),
    );
    expect(pageErrors).toEqual([]);
  });

  it('opens a county token straight on its county page', async () => {
    const county = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await county.goto(`${query.url}/dashboard?token=${await issueBureauToken(pool, LIVE_VIA_INGEST)}`);
    const rows = await eventually(
      () => rowNames(county),
      (names) => names.includes('汉阴县中医医院'),
    );
    expect(rows).not.toContain('汉滨区');
    expect(await county.locator('#title').textContent()).toContain('汉阴县');
    await county.close();
  });

  it('shows the epidemic panel: the county with an open measles alert red, above its baseline band; another county green', async () => {
    // 紫阳 (610924): one measles case in each of its 15 baseline windows, 8 this week, a red outbreak alert open.
    // 岚皋 (610925): 3 influenza cases today and no history, no alert.
    const today = cstDayOf(new Date());
    const days: [region: string, disease: string, day: string, cases: number][] = [
      ...daysToRead(today).baseline.map((window): [string, string, string, number] => ['610924', 'measles', window[3], 1]),
      ...[0, 1, 2, 3].map((d): [string, string, string, number] => ['610924', 'measles', addDays(today, -d), 2]),
      ['610925', 'influenza', today, 3],
    ];
    await pool.query(
      `INSERT INTO indicator_counters (indicator, level, region, dims, measure, period, value)
       SELECT 'disease_cases', 'county', region, 'disease=' || disease, 'value', day, cases
         FROM jsonb_to_recordset($1::jsonb) AS c(region text, disease text, day text, cases bigint)`,
      [JSON.stringify(days.map(([region, disease, day, cases]) => ({ region, disease, day, cases })))],
    );
    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO alerts (kind, indicator, dims, level, region, period, bureau, state, status, expected, actual, detail, started_at, fired_at, evaluated_at)
       VALUES ('outbreak', 'disease_cases', 'disease=measles', 'county', '610924', '', '610924', 'firing', 'red', 1, 8, '{}', now(), now(), now())
       RETURNING id`,
    );
    try {
      await page.goto(`${query.url}/dashboard?token=${cityToken}`);
      const measles = page.locator('#epidemic td[data-region="610924"][data-disease="measles"]');
      await measles.waitFor({ timeout: 30_000 });
      expect(await measles.getAttribute('class')).toContain('status-red');
      expect(await measles.textContent()).toBe('8 ↑ ▲'); // 8 this week, none the week before, above the baseline maximum (1)
      expect(await measles.getAttribute('title')).toContain('P80 1、最大值 1：高于基线最大值');
      const influenza = page.locator('#epidemic td[data-region="610925"][data-disease="influenza"]');
      expect(await influenza.getAttribute('class')).toContain('status-green');
      expect(await influenza.textContent()).toBe('3 ↑'); // no history: no band to place it against
      // Only counties with a case are rows; diseases are columns in the order of the notifiable list (乙类 measles before 丙类 influenza).
      expect(await page.locator('#epidemic tbody th').allTextContents()).toEqual(['紫阳县', '岚皋县']);
      expect(await page.locator('#epidemic thead th.col').allTextContents()).toEqual(['麻疹', '流行性感冒']);
      await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-epidemic.png'), fullPage: true });
      expect(pageErrors).toEqual([]);
    } finally {
      await pool.query('DELETE FROM alerts WHERE id = $1', [rows[0].id]);
    }
  });
});

function rowNames(page: Page): Promise<string[]> {
  return page.locator('#grid tbody th').allTextContents();
}

/** Sets a flag on the page's window: a reload would lose it. */
async function markPage(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
}

async function pageWasNotReloaded(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded === true);
}

/** Repeats `act` every few seconds until the element shows `text` (or LIVE_TIMEOUT_MS passes). */
async function untilPage(page: Page, selector: string, text: string, act: () => Promise<unknown>): Promise<void> {
  const deadline = Date.now() + LIVE_TIMEOUT_MS;
  for (;;) {
    await act();
    try {
      await page.waitForFunction(([s, t]) => document.querySelector(s)?.textContent === t, [selector, text] as const, { timeout: 3000 });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
  }
}

/**
 * Plausible counters for the screenshots: monthly rows of this year for eight counties (not the two
 * the live tests watch), institution rows for the indicators read per institution, and county and
 * city rows as the sums — the way the aggregator rolls counters up (every indicator here adds up:
 * its quarters and years are read as sums of the months).
 */
async function seedDemoCounters(pool: Pool, year: number, lastMonth: number): Promise<void> {
  const demo = ankangDemo();
  const counties = demo.regions.filter((r) => r.parentCode === '610900' && r.code !== LIVE_VIA_COUNTERS && r.code !== LIVE_VIA_INGEST).map((r) => r.code);
  const rates: Record<string, [rate: number, perMonth: number]> = {
    county_visit_rate: [0.88, 4000],
    county_inpatient_rate: [0.84, 600],
    primary_care_visit_share: [0.63, 3000],
    referral_completion_rate: [0.76, 60],
    hypertension_standard_management_rate: [0.78, 300],
    diabetes_standard_management_rate: [0.74, 120],
  };
  const perInstitution: Record<string, [rate: number, perMonth: number]> = { tcm_prescription_share: [0.3, 400], tcm_nondrug_share: [0.06, 400] };
  const random = mulberry32(2024);
  const counters = new Map<string, number>();
  const add = (indicator: string, regions: [level: string, region: string][], measure: string, month: number, value: number) => {
    const period = `${year}${String(month).padStart(2, '0')}`;
    for (const [level, region] of regions) {
      const key = [indicator, level, region, measure, period].join('|');
      counters.set(key, (counters.get(key) ?? 0) + value);
    }
  };
  const rate = (indicator: string, regions: [string, string][], [base, perMonth]: [number, number]) => {
    const level = base + (random() - 0.5) * 0.2;
    for (let month = 1; month <= lastMonth; month++) {
      const denominator = Math.round(perMonth * (0.6 + random() * 0.8));
      add(indicator, regions, 'denominator', month, denominator);
      add(indicator, regions, 'numerator', month, Math.round(denominator * Math.min(1, level + (random() - 0.5) * 0.06)));
    }
  };
  for (const county of counties) {
    const up: [string, string][] = [
      ['county', county],
      ['city', '610900'],
    ];
    for (const [indicator, spec] of Object.entries(rates)) rate(indicator, up, spec);
    for (const institution of demo.institutions.filter((i) => i.county === county && i.level >= 2)) {
      const all: [string, string][] = [['institution', institution.id], ...up];
      for (const [indicator, spec] of Object.entries(perInstitution)) rate(indicator, all, spec);
      for (let month = 1; month <= lastMonth; month++) add('home_visits', all, 'value', month, Math.round(random() * 12));
    }
  }
  const rows = [...counters].map(([key, value]) => {
    const [indicator, level, region, measure, period] = key.split('|');
    return { indicator, level, region, measure, period, value };
  });
  await pool.query(
    `INSERT INTO indicator_counters (indicator, level, region, dims, measure, period, value)
     SELECT indicator, level, region, '', measure, period, value
       FROM jsonb_to_recordset($1::jsonb) AS c(indicator text, level text, region text, measure text, period text, value bigint)`,
    [JSON.stringify(rows)],
  );
}

/** A small seeded PRNG: the same demo figures on every run. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
