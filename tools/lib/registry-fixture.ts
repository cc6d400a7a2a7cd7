import { Pool } from 'pg';
import { EXAMPLE_INSTITUTIONS } from '@lib/contracts';
import { ankangDemo, Institution } from '@lib/registry';
import { generateSecret, hashSecret } from '@lib/registry-store';

/**
 * Writes the Ankang demo registry (plus the contract's example institutions) straight into the test
 * database, and issues API keys, so event tests do not depend on the admin API.
 */
export async function seedRegistry(pool: Pool): Promise<Institution[]> {
  const demo = ankangDemo();
  const examples: Institution[] = Object.values(EXAMPLE_INSTITUTIONS).map((facts) => ({ ...facts, name: `示例 ${facts.id}`, active: true }));
  // The demo's own entry wins where an example institution is also a demo institution (real names).
  const institutions = [...new Map([...examples, ...demo.institutions].map((i) => [i.id, i])).values()];
  const order = { province: 0, city: 1, county: 2 } as const;
  await pool.query(
    `INSERT INTO regions (code, name, level, parent_code)
     SELECT code, name, level, "parentCode" FROM jsonb_to_recordset($1::jsonb) AS r(code text, name text, level text, "parentCode" text)
     ON CONFLICT DO NOTHING`,
    [JSON.stringify([...demo.regions].sort((a, b) => order[a.level] - order[b.level]))],
  );
  await pool.query(
    `INSERT INTO superseded_regions (old_code, current_code)
     SELECT "oldCode", "currentCode" FROM jsonb_to_recordset($1::jsonb) AS s("oldCode" text, "currentCode" text)
     ON CONFLICT DO NOTHING`,
    [JSON.stringify(demo.superseded)],
  );
  await pool.query(
    `INSERT INTO institutions (id, name, county, type, level, active)
     SELECT id, name, county, type, level, active FROM jsonb_to_recordset($1::jsonb)
       AS i(id text, name text, county text, type text, level smallint, active boolean)
     ON CONFLICT DO NOTHING`,
    [JSON.stringify(institutions)],
  );
  return institutions;
}

export async function issueApiKey(pool: Pool, institutionId: string): Promise<string> {
  return (await issueRawSigner(pool, institutionId)).key;
}

/** What a producer on the raw topic signs with: an API key's id and its signing key (the key's SHA-256). */
export interface RawSigner {
  keyId: string;
  key: string;
  signingKey: string;
}

export async function issueRawSigner(pool: Pool, institutionId: string): Promise<RawSigner> {
  return (await issueRawSigners(pool, [institutionId])).get(institutionId)!;
}

/** One key for each institution, issued in one statement (a whole registry's keys in one round trip). */
export async function issueRawSigners(pool: Pool, institutionIds: readonly string[]): Promise<Map<string, RawSigner>> {
  const keys = institutionIds.map(() => generateSecret('hik'));
  const signingKeys = keys.map(hashSecret);
  const { rows } = await pool.query<{ id: string; institution_id: string; key_hash: string }>(
    `INSERT INTO institution_api_keys (institution_id, key_hash)
     SELECT * FROM unnest($1::text[], $2::text[]) RETURNING id, institution_id, key_hash`,
    [institutionIds, signingKeys],
  );
  const keyOf = new Map(signingKeys.map((signingKey, i) => [signingKey, keys[i]]));
  return new Map(rows.map((row) => [row.institution_id, { keyId: row.id, key: keyOf.get(row.key_hash)!, signingKey: row.key_hash }]));
}
