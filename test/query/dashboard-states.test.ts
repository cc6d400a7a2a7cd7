// The page functions below run in the browser.
/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Pool } from 'pg';
import { Browser, chromium, Page } from 'playwright-core';
import { AppProcess, eventually } from '../support/app-process';
import { issueBureauToken } from '../support/bureau-fixture';
import { CHROMIUM_LAUNCH } from '../support/chromium';
import { writeCounters } from '../support/counters-fixture';
import { seedRegistry } from '../support/registry-fixture';
import { testEnvironment } from '../support/test-environment';

const ARTIFACTS = path.resolve(__dirname, '../artifacts');
const COUNTIES = ['610902', '610921', '610922', '610923', '610924', '610925', '610926', '610927', '610929', '610981'];

/**
 * The dashboard's states in Chromium against a real query process: 50 firing alerts keep the panel's
 * heading and scroll; a bad or missing token stops the loading and says so; a 403 banner ends on
 * navigation; a region on fewer cases than the minimum is not ranked.
 */
describe('dashboard states (alerts panel, errors, rankings) in a real browser', () => {
  const env = testEnvironment();
  const pool = new Pool({ connectionString: env.DATABASE_URL });
  const query = new AppProcess('query', 3976);
  const year = String(new Date(Date.now() + 8 * 3600_000).getUTCFullYear());
  let browser: Browser;
  let cityToken: string;
  let countyToken: string;

  const openPage = async (url: string): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', reducedMotion: 'reduce' });
    await page.goto(url);
    return page;
  };

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await seedRegistry(pool);
    cityToken = await issueBureauToken(pool, '610900');
    countyToken = await issueBureauToken(pool, '610921');
    // 县域就诊率: 汉滨 88% on 5,000 visits; 汉阴 90% on 10 visits (below the 300-visit minimum).
    await writeCounters(
      pool,
      [
        ['610902', 4400, 5000],
        ['610921', 9, 10],
      ].flatMap(([region, numerator, denominator]) => [
        { indicator: 'county_visit_rate', level: 'county', region: String(region), measure: 'numerator', period: year, value: Number(numerator) },
        { indicator: 'county_visit_rate', level: 'county', region: String(region), measure: 'denominator', period: year, value: Number(denominator) },
      ]),
    );
    // 50 firing alerts: five vaccination coverage cells in each of the ten counties.
    await pool.query(
      `INSERT INTO alerts (kind, indicator, dims, level, region, period, bureau, state, status, expected, actual, gap, started_at, fired_at, evaluated_at)
       SELECT 'indicator', 'vaccination_coverage', 'cohort=' || ($2::int - 1) || ';dose=' || dose || ';vaccine=HepB', 'county', county, $2, county,
              'firing', 'red', 0.95, 0.5, -0.45, now(), now(), now()
       FROM unnest($1::text[]) AS county, generate_series(1, 5) AS dose`,
      [COUNTIES, year],
    );
    await query.start();
    browser = await chromium.launch(CHROMIUM_LAUNCH);
  });

  afterAll(async () => {
    await browser?.close();
    await query.stop();
    await pool.end();
  });

  it('shows 50 firing alerts in a panel whose heading keeps its size and whose list scrolls', async () => {
    const page = await openPage(`${query.url}/dashboard?token=${cityToken}`);
    await eventually(
      () => page.locator('#alerts li.alert').count(),
      (n) => n === 50,
    );
    const heading = await page.locator('.alerts-panel h2').boundingBox();
    expect(heading?.height).toBeGreaterThanOrEqual(16); // one line of 14 px text, never squeezed away
    expect(await page.locator('.alerts-panel h2').isVisible()).toBe(true);

    const list = page.locator('#alerts');
    const { scrollHeight, clientHeight } = await list.evaluate((ul) => ({ scrollHeight: ul.scrollHeight, clientHeight: ul.clientHeight }));
    expect(scrollHeight).toBeGreaterThan(clientHeight);
    const last = page.locator('#alerts li.alert').last();
    expect(await isInside(page, last, list)).toBe(false);
    await list.evaluate((ul) => ul.scrollTo(0, ul.scrollHeight));
    expect(await isInside(page, last, list)).toBe(true);
    // Grouped by region × indicator: ten groups (one per county) of five cells, each saying which vaccine and dose it is.
    expect(await page.locator('#alerts > li.alert-group').count()).toBe(10);
    const first = page.locator('#alerts > li.alert-group').first();
    expect(await first.locator('.alert-group-head').textContent()).toMatch(/汉滨区免疫规划疫苗接种率5项/);
    expect(await first.locator('li.alert .alert-cell').allTextContents()).toEqual(
      [1, 2, 3, 4, 5].map((dose) => expect.stringMatching(new RegExp(`HepB 第${dose}剂`))),
    );
    await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-50-alerts.png') });
    await page.close();
  });

  it('groups a county’s alerts of two indicators apart, and shows a cell on too few cases grey', async () => {
    await pool.query(
      `INSERT INTO alerts (kind, indicator, dims, level, region, period, bureau, state, status, expected, actual, gap, started_at, fired_at, evaluated_at)
       VALUES ('indicator', 'tcm_prescription_share', '', 'county', '610921', $1, '610921', 'firing', 'red', 0.3, 0.1, -0.2, now(), now(), now())`,
      [year],
    );
    // 县域就诊率 ≥ 90% for every county, its minimum of cases the indicator's (300 visits).
    await pool.query(
      `INSERT INTO targets (indicator, scope, year, rule, tolerance, min_denominator)
       VALUES ('county_visit_rate', 'default:county', $1, '{"kind":"threshold","comparator":">=","value":0.9}', 0.02, NULL)`,
      [Number(year)],
    );
    const page = await openPage(`${query.url}/dashboard?token=${cityToken}`);
    await eventually(
      () => page.locator('#alerts li.alert').count(),
      (n) => n === 51,
    );
    const hanyin = page.locator('#alerts > li.alert-group[data-region="610921"]');
    expect(await hanyin.count()).toBe(2);
    expect(await hanyin.locator('.alert-indicator').allTextContents()).toEqual(expect.arrayContaining(['免疫规划疫苗接种率', '中医药处方占比']));
    // 汉阴's 县域就诊率 rests on 10 visits, below the 300-visit minimum: grey, not coloured.
    const cell = page.locator('td[data-indicator="county_visit_rate"][data-region="610921"]');
    await eventually(
      () => cell.getAttribute('data-status'),
      (status) => status === 'insufficient_data',
    );
    expect(await cell.evaluate((td) => getComputedStyle(td).backgroundColor)).toBe('rgba(91, 101, 119, 0.3)');
    expect(await page.locator('td[data-indicator="county_visit_rate"][data-region="610902"]').getAttribute('data-status')).not.toBe('insufficient_data');
    await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-alert-groups.png') });
    await page.close();
  });

  it('a bad token stops the spinners and says the token is invalid; a missing token says one is needed', async () => {
    const bad = await openPage(`${query.url}/dashboard?token=hbt_not_a_real_token`);
    await bad.locator('#error').waitFor({ state: 'visible' });
    expect(await bad.locator('#error').textContent()).toContain('访问令牌无效');
    expect(await bad.locator('#live').textContent()).toContain('未连接');
    expect(await bad.locator('#alerts').textContent()).not.toContain('加载中');
    await bad.close();

    const missing = await openPage(`${query.url}/dashboard`);
    await missing.locator('#error').waitFor({ state: 'visible' });
    expect(await missing.locator('#error').textContent()).toContain('缺少访问令牌');
    expect(await missing.locator('#live').textContent()).not.toContain('连接中');
    expect(await missing.locator('#alerts').textContent()).not.toContain('加载中');
    await missing.close();
  });

  it('the 403 banner of another county ends when going back to one’s own', async () => {
    const page = await openPage(`${query.url}/dashboard?token=${countyToken}`);
    await page.locator('#title', { hasText: '汉阴县' }).waitFor();
    await page.evaluate(() => {
      window.location.hash = '#/region/610922';
    });
    await page.locator('#error').waitFor({ state: 'visible' });
    expect(await page.locator('#error').textContent()).toContain('无权');
    await page.evaluate(() => {
      window.location.hash = '#/region/610921';
    });
    await page.locator('#error').waitFor({ state: 'hidden' });
    expect(await page.locator('#title').textContent()).toContain('汉阴县');
    await page.close();
  });

  it('does not rank a county whose value rests on fewer visits than the minimum, and says so', async () => {
    const page = await openPage(`${query.url}/dashboard?token=${cityToken}`);
    await page.locator('th.col[data-indicator="county_visit_rate"]').click();
    const title = await eventually(
      () => page.locator('#ranking-title').textContent(),
      (text) => text?.includes('县域就诊率') ?? false,
    );
    expect(title).toContain('1个样本不足未排名');
    await page.close();
  });
});

/** Whether an element's box lies within a scrolling container's visible box. */
async function isInside(page: Page, element: ReturnType<Page['locator']>, container: ReturnType<Page['locator']>): Promise<boolean> {
  const [box, frame] = await Promise.all([element.boundingBox(), container.boundingBox()]);
  if (!box || !frame) return false;
  return box.y >= frame.y - 1 && box.y + box.height <= frame.y + frame.height + 1;
}
