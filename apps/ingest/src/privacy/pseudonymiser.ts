import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';

/** One key of the pseudonym key chain: its id (written into every pseudonym) and its secret. */
export interface PseudonymKey {
  id: string;
  secret: string;
}

/** `hmac-sha256:<keyId>:<64 hex>`; the key id is the newest link the pseudonym went through. */
const PSEUDONYM = /^hmac-sha256:([a-z0-9]{1,8}):[0-9a-f]{64}$/i;

/** The key id of a pseudonym, or undefined when the value is not one. */
export function pseudonymKeyId(value: string): string | undefined {
  return PSEUDONYM.exec(value)?.[1];
}

/**
 * One link of the chain: the keyed pseudonym of `input` under `key`. The first link's input is
 * `<idType>:<normalised id>`; every later link's input is the pseudonym the link before it made.
 */
export function pseudonymLink(key: PseudonymKey | PreparedKey, input: string): string {
  const secret = 'keyObject' in key ? key.keyObject : key.secret;
  return `hmac-sha256:${key.id}:${createHmac('sha256', secret).update(input, 'utf8').digest('hex')}`;
}

/** A key whose secret is imported once (a KeyObject), not from its text on every pseudonym. */
interface PreparedKey {
  id: string;
  keyObject: KeyObject;
}

/**
 * Keyed pseudonyms of person identifiers (个人信息保护法): HMAC-SHA256 under a secret that never
 * leaves ingest, so a pseudonym cannot be reversed or recomputed from a guessed ID number without
 * the key. Rotation adds a link to a chain of keys (oldest first): the pseudonym is the HMAC under
 * the newest key of the pseudonym under the keys before it. So a pseudonym already stored can be
 * brought to a new key without the clear ID (`rekeyed`), and equals the pseudonym ingest makes for
 * the same person from then on (docs/privacy.md, "Rotating the secret").
 */
export class Pseudonymiser {
  private readonly chain: readonly PreparedKey[];

  constructor(keys: readonly PseudonymKey[]) {
    if (keys.length === 0) throw new Error('A pseudonymiser needs at least one key');
    this.chain = keys.map(({ id, secret }) => ({ id, keyObject: createSecretKey(Buffer.from(secret, 'utf8')) }));
  }

  /** `idType` is part of the input so that equal numbers of different document kinds do not collide. */
  pseudonym(idType: string, id: string): string {
    return this.chain.reduce((input, key) => pseudonymLink(key, input), `${idType}:${id}`);
  }

  /** The id of the key every new pseudonym carries. */
  get currentKeyId(): string {
    return this.chain[this.chain.length - 1].id;
  }

  /** Ids of the earlier keys: pseudonyms carrying one of these are brought forward by `rekeyed`. */
  get earlierKeyIds(): string[] {
    return this.chain.slice(0, -1).map((key) => key.id);
  }

  /**
   * A stored pseudonym brought to the current key: the links after its own key, applied in order.
   * Unchanged when it carries the current key; undefined when its key is not in the chain.
   */
  rekeyed(pseudonym: string): string | undefined {
    const at = this.chain.findIndex((key) => key.id === pseudonymKeyId(pseudonym));
    if (at < 0) return undefined;
    return this.chain.slice(at + 1).reduce((input, key) => pseudonymLink(key, input), pseudonym);
  }
}
