import { Pool } from 'pg';
import { inTransaction } from '@lib/database';
import { foldCounterLog } from '../../apps/aggregator/src/counter-log/indicator-counters.repository';
import { testEnvironment } from '../support/test-environment';

/**
 * The counter-log fold on this file's own migrated PostgreSQL database: changes named by key and by
 * id (migration 1764000000780) fold into the same counter, readers see row + log throughout, and a
 * fold's limit holds across both kinds and takes whole appending transactions (migration 1764000000790),
 * as the log's insert trigger counts them (migration 1764000000810).
 */
describe('foldCounterLog on PostgreSQL', () => {
  let pool: Pool;
  beforeAll(() => {
    pool = new Pool({ connectionString: testEnvironment().DATABASE_URL });
  });
  afterAll(() => pool.end());

  const key = (region: string) => ({ indicator: 'referrals_up', level: 'county', region, dims: '', measure: 'value', period: '202403' });
  const byKey = (region: string, delta: number) =>
    pool.query(
      `INSERT INTO indicator_counter_log (indicator, level, region, dims, measure, period, delta) VALUES ('referrals_up', 'county', $1, '', 'value', '202403', $2)`,
      [region, delta],
    );
  const byId = (id: number, delta: number) => pool.query('INSERT INTO indicator_counter_log (counter_id, delta) VALUES ($1, $2)', [id, delta]);
  const fold = (maxLogRows?: number) => inTransaction(pool, (client) => foldCounterLog(client, maxLogRows));
  const stored = async (region: string) =>
    (
      await pool.query<{ id: string; value: string; revision: string }>(
        `SELECT id, value, revision FROM indicator_counters WHERE indicator = 'referrals_up' AND level = 'county' AND region = $1 AND period = '202403'`,
        [region],
      )
    ).rows[0];
  const seen = async (region: string) =>
    Number(
      (
        await pool.query<{ value: string }>(
          `SELECT value FROM indicator_counter_values WHERE indicator = 'referrals_up' AND region = $1 AND period = '202403'`,
          [region],
        )
      ).rows[0]?.value ?? 0,
    );
  const logRows = async () => Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM indicator_counter_log')).rows[0].n);
  const appends = async () =>
    (await pool.query<{ log_rows: string }>('SELECT log_rows FROM counter_log_appends ORDER BY appended_by')).rows.map((r) => Number(r.log_rows));

  it('creates a counter from a change named by key and answers its id', async () => {
    await byKey('610901', 3);
    expect(await seen('610901')).toBe(3);
    const first = await fold();
    const row = await stored('610901');
    expect(first.values).toEqual([expect.objectContaining({ ...key('610901'), value: 3, revision: 1 })]);
    expect(first.counterIds).toEqual([Number(row.id)]);
    expect(await seen('610901')).toBe(3);
  });

  it('adds changes named by key and by id to the same counter in one fold, and answers it once with the last value', async () => {
    const id = Number((await stored('610901')).id);
    await byKey('610901', 2);
    await byId(id, 5);
    expect(await seen('610901')).toBe(10);
    const folded = await fold();
    expect(folded.values).toEqual([expect.objectContaining({ ...key('610901'), value: 10, revision: 3 })]);
    expect(folded.counterIds).toEqual([id]);
    expect(await stored('610901')).toMatchObject({ value: '10', revision: '3' });
    expect(await seen('610901')).toBe(10);
    expect(await logRows()).toBe(0);
  });

  it('takes at most its limit across both kinds; the next fold takes the rest', async () => {
    await byKey('610902', 1);
    await fold();
    const id = Number((await stored('610902')).id);
    for (const delta of [1, 1, 1]) await byKey('610902', delta);
    for (const delta of [10, 10, 10]) await byId(id, delta);
    const first = await fold(4);
    expect(first.more).toBe(true);
    expect(first.foldedRows).toBe(4);
    expect(await seen('610902')).toBe(34);
    const second = await fold(4);
    expect(second.more).toBe(false);
    expect(second.foldedRows).toBe(2);
    expect(await stored('610902')).toMatchObject({ value: '34' });
    expect(await logRows()).toBe(0);
  });

  it("takes whole transactions: never one of a transaction's changes without the others, even past its limit", async () => {
    await byKey('610903', 1);
    await fold();
    const id = Number((await stored('610903')).id);
    // Two transactions, each changing a new counter by key and a known one by id (a rate's numerator and denominator).
    const appendTogether = (delta: number) =>
      inTransaction(pool, async (client) => {
        await client.query(
          `INSERT INTO indicator_counter_log (indicator, level, region, dims, measure, period, delta) VALUES ('referrals_up', 'county', '610904', '', 'value', '202403', $1)`,
          [delta],
        );
        await client.query('INSERT INTO indicator_counter_log (counter_id, delta) VALUES ($1, $2), ($1, $2)', [id, delta]);
      });
    await appendTogether(1);
    await appendTogether(100);
    expect(await appends()).toEqual([3, 3]);
    const first = await fold(2);
    expect(first).toMatchObject({ foldedRows: 3, more: true });
    expect(first.values.map((v) => [v.region, v.value])).toEqual([
      ['610904', 1],
      ['610903', 3],
    ]);
    expect(await appends()).toEqual([3]);
    expect(await fold(2)).toMatchObject({ foldedRows: 3, more: false });
    expect(await logRows()).toBe(0);
    expect(await appends()).toEqual([]);
    expect(await stored('610904')).toMatchObject({ value: '101' });
    expect(await stored('610903')).toMatchObject({ value: '203' });
  });

  it('refuses to fold a change naming a counter that has no row, and keeps it in the log', async () => {
    await byId(987_654_321, 1);
    await expect(fold()).rejects.toThrow('have no row');
    expect(await logRows()).toBe(1);
    await pool.query('DELETE FROM indicator_counter_log');
  });
});
