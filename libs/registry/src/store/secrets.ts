import { createHash, randomBytes } from 'node:crypto';

/**
 * API keys and bureau tokens: random, shown once at issue, stored only as SHA-256. A hash of a
 * 256-bit random secret needs no salt or slow KDF: there is nothing to guess from a dictionary.
 */
export function generateSecret(prefix: 'hik' | 'hbt'): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
