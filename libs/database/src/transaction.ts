import type { Pool, PoolClient } from 'pg';

/**
 * Runs `work` in one transaction on one client: committed if it resolves, rolled back if it throws.
 * A connection lost mid-transaction (PostgreSQL restarting) is an error of this call, not of the
 * process: the client's 'error' event is handled and the broken client is discarded, not reused.
 */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const onError = (error: Error) => (broken = error);
  client.on('error', onError);
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}
