import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '@lib/database';
import { generateSecret, hashSecret } from './secrets';

export interface IssuedSecret {
  id: string;
  /** Shown once; only its hash is stored. */
  secret: string;
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

  async issueBureauToken(region: string, label?: string): Promise<IssuedSecret> {
    const secret = generateSecret('hbt');
    const { rows } = await this.pool.query<{ id: string }>(
      'INSERT INTO bureau_tokens (region, token_hash, label) VALUES ($1, $2, $3) RETURNING id',
      [region, hashSecret(secret), label ?? null],
    );
    return { id: rows[0].id, secret };
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
    const { rows } = await this.pool.query<{ region: string }>(
      'SELECT region FROM bureau_tokens WHERE token_hash = $1 AND revoked_at IS NULL',
      [hashSecret(token)],
    );
    return rows[0]?.region.trim();
  }

  async revokeApiKey(id: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('UPDATE institution_api_keys SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [id]);
    return (rowCount ?? 0) > 0;
  }
}
