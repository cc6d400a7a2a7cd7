import { Pool } from 'pg';
import { generateSecret, hashSecret } from '@lib/registry-store';

/** Issues a bureau token straight into the database (tests and benchmarks; operators use the admin API). */
export async function issueBureauToken(pool: Pool, region: string): Promise<string> {
  const token = generateSecret('hbt');
  await pool.query('INSERT INTO bureau_tokens (region, token_hash) VALUES ($1, $2)', [region, hashSecret(token)]);
  return token;
}
