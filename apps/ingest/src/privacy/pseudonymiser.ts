import { createHmac } from 'node:crypto';

/**
 * Keyed pseudonyms of person identifiers (个人信息保护法): HMAC-SHA256 under a secret that never
 * leaves ingest, so a pseudonym cannot be reversed or recomputed from a guessed ID number without
 * the key. The key id is part of the pseudonym: after a rotation, old and new pseudonyms are told
 * apart (person state keyed by old pseudonyms must then be re-keyed; see docs/privacy.md).
 */
export class Pseudonymiser {
  constructor(
    private readonly secret: string,
    private readonly keyId: string,
  ) {}

  /** `idType` is part of the input so that equal numbers of different document kinds do not collide. */
  pseudonym(idType: string, id: string): string {
    const digest = createHmac('sha256', this.secret).update(`${idType}:${id}`, 'utf8').digest('hex');
    return `hmac-sha256:${this.keyId}:${digest}`;
  }
}
