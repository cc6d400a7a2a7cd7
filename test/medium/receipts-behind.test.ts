import { Pool, PoolClient } from 'pg';
import { eventVersionKey } from '@lib/contracts';
import { ReceiptsRepository } from '../../apps/ingest/src/events/receipts.repository';
import { testEnvironment } from '../support/test-environment';

/**
 * Receipts are inserted behind the door's answer (`recordBehind`), on this file's own migrated
 * PostgreSQL database. While an insert waits (here: for a lock another session holds on the table),
 * the versions it carries are already accepted to this process's lookups; once it commits they are
 * found in the table; a process stopping waits for it.
 */
describe('ReceiptsRepository: receipts written behind the answer', () => {
  let pool: Pool;
  let blocker: PoolClient | undefined;
  beforeAll(() => {
    pool = new Pool({ connectionString: testEnvironment().DATABASE_URL });
  });
  afterAll(() => pool.end());

  const receipt = (eventId: string, version = 1) => ({ institutionId: '610921-CH-001', eventId, version, receivedAt: '2026-12-01T08:00:00.000Z' });
  const inTable = async (eventId: string) =>
    Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM ingest_receipts WHERE event_id = $1', [eventId])).rows[0].n);
  const holdTheTable = async () => {
    blocker = await pool.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE ingest_receipts IN EXCLUSIVE MODE'); // inserts wait, reads do not
  };
  const releaseTheTable = async () => {
    await blocker?.query('COMMIT');
    blocker?.release();
    blocker = undefined;
  };
  afterEach(releaseTheTable); // also when an expectation failed while the table was held

  it('answers a version whose insert is still waiting as accepted, from memory, and from the table once it commits', async () => {
    const receipts = new ReceiptsRepository(pool);
    await holdTheTable();
    receipts.recordBehind([receipt('behind-1')]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await inTable('behind-1')).toBe(0);
    expect([...(await receipts.alreadyAccepted([receipt('behind-1')]))]).toEqual([eventVersionKey(receipt('behind-1'))]);

    const stopping = receipts.beforeApplicationShutdown();
    await releaseTheTable();
    await stopping;
    expect(await inTable('behind-1')).toBe(1);

    const anotherProcess = new ReceiptsRepository(pool);
    expect((await anotherProcess.alreadyAccepted([receipt('behind-1'), receipt('behind-1', 2)])).size).toBe(1);
  });

  it('does not take a version absent from both memory and the table for accepted', async () => {
    const receipts = new ReceiptsRepository(pool);
    receipts.recordBehind([receipt('behind-2')]);
    expect((await receipts.alreadyAccepted([receipt('behind-3')])).size).toBe(0);
    await receipts.beforeApplicationShutdown();
    expect(await inTable('behind-2')).toBe(1);
  });
});
