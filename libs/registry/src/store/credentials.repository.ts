import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { PG_POOL } from '@lib/database';
import { generateSecret, hashSecret } from './secrets';

export interface IssuedSecret {
  id: string;
  /** Shown once; only its hash is stored. */
  secret: string;
}

export interface ApiKeyRequest {
  institutionId: string;
  label?: string;
}

/** Owns `institution_api_keys` and `bureau_tokens`: secrets are stored as SHA-256 only. */
@Injectable()
export class CredentialsRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async issueApiKey(institutionId: string, label?: string): Promise<IssuedSecret> {
    const secret = generateSecret('hik');
    const { rows } = await this.pool.query<{ id: string }>(
      'INSERT INTO institution_api_keys (institution_id, key_hash, label) VALUES ($1, $2, $3) RETURNING id',
      [institutionId, hashSecret(secret), label ?? null],
    );
    return { id: rows[0].id, secret };
  }

  /** Many keys in one statement (seeding a whole network); results in the order requested. */
  async issueApiKeys(requests: readonly ApiKeyRequest[]): Promise<IssuedSecret[]> {
    // Ids are made here rather than by the column default so each secret pairs with its row without a lookup.
    const issued = requests.map(() => ({ id: randomUUID(), secret: generateSecret('hik') }));
    const rows = requests.map((r, i) => ({
      id: issued[i].id,
      institution_id: r.institutionId,
      key_hash: hashSecret(issued[i].secret),
      label: r.label ?? null,
    }));
    await this.pool.query(
      `INSERT INTO institution_api_keys (id, institution_id, key_hash, label)
       SELECT id, institution_id, key_hash, label FROM jsonb_to_recordset($1::jsonb)
         AS k(id uuid, institution_id text, key_hash text, label text)`,
      [JSON.stringify(rows)],
    );
    return issued;
  }

  async issueBureauToken(region: string, label?: string): Promise<IssuedSecret> {
    const secret = generateSecret('hbt');
    const { rows } = await this.pool.query<{ id: string }>('INSERT INTO bureau_tokens (region, token_hash, label) VALUES ($1, $2, $3) RETURNING id', [
      region,
      hashSecret(secret),
      label ?? null,
    ]);
    return { id: rows[0].id, secret };
  }

  /**
   * For each API key id, its institution and signing key (the key's stored SHA-256) while the key is
   * unrevoked: what verifies a signed raw message (@lib/contracts rawSignature). Ids that are not
   * UUIDs match nothing.
   */
  async signingKeysByIds(ids: readonly string[]): Promise<Map<string, { institutionId: string; signingKey: string }>> {
    const uuids = [...new Set(ids)].filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id));
    if (uuids.length === 0) return new Map();
    const { rows } = await this.pool.query<{ id: string; institution_id: string; key_hash: string }>(
      'SELECT id, institution_id, key_hash FROM institution_api_keys WHERE id = ANY($1::uuid[]) AND revoked_at IS NULL',
      [uuids],
    );
    return new Map(rows.map((row) => [row.id, { institutionId: row.institution_id, signingKey: row.key_hash }]));
  }

  /** The institution an unrevoked API key belongs to. */
  async institutionOfApiKey(key: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ institution_id: string }>(
      'SELECT institution_id FROM institution_api_keys WHERE key_hash = $1 AND revoked_at IS NULL',
      [hashSecret(key)],
    );
    return rows[0]?.institution_id;
  }

  /** The region (scope) of an unrevoked bureau token. */
  async regionOfBureauToken(token: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ region: string }>('SELECT region FROM bureau_tokens WHERE token_hash = $1 AND revoked_at IS NULL', [
      hashSecret(token),
    ]);
    return rows[0]?.region.trim();
  }

  async revokeApiKey(id: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('UPDATE institution_api_keys SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [id]);
    return (rowCount ?? 0) > 0;
  }

  async revokeBureauToken(id: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('UPDATE bureau_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [id]);
    return (rowCount ?? 0) > 0;
  }

  /** For each key, its id and the institution it belongs to while unrevoked, else `undefined` (same order). */
  async unrevokedApiKeys(keys: readonly string[]): Promise<({ id: string; institutionId: string } | undefined)[]> {
    const hashes = keys.map(hashSecret);
    const { rows } = await this.pool.query<{ key_hash: string; id: string; institution_id: string }>(
      'SELECT key_hash, id, institution_id FROM institution_api_keys WHERE key_hash = ANY($1) AND revoked_at IS NULL',
      [hashes],
    );
    const byHash = new Map(rows.map((row) => [row.key_hash, { id: row.id, institutionId: row.institution_id }]));
    return hashes.map((hash) => byHash.get(hash));
  }

  /** For each token, the region it is scoped to while unrevoked, else `undefined` (same order). */
  async regionsOfBureauTokens(tokens: readonly string[]): Promise<(string | undefined)[]> {
    const hashes = tokens.map(hashSecret);
    const { rows } = await this.pool.query<{ token_hash: string; region: string }>(
      'SELECT token_hash, region FROM bureau_tokens WHERE token_hash = ANY($1) AND revoked_at IS NULL',
      [hashes],
    );
    const byHash = new Map(rows.map((row) => [row.token_hash, row.region.trim()]));
    return hashes.map((hash) => byHash.get(hash));
  }
}
