import { createHash } from 'node:crypto';

const TTL_MS = 60_000;
/** Room for every institution of a province (Shaanxi registers about 35,000, village clinics included). */
const MAX_KNOWN = 100_000;
const MAX_UNKNOWN = 10_000;

/**
 * Whose a presented secret (API key, bureau token) is, from memory for a minute so the hot path
 * does not query PostgreSQL per request; a revoked secret stops working within that minute.
 * Secrets that resolved and secrets that did not are kept apart: a flood of guesses, each new, can
 * only push out other guesses, never the credentials in use. Entries are keyed by a digest, so the
 * process holds no clear secret beyond the request.
 */
export class CredentialCache<Owner> {
  private readonly known = new Map<string, { owner: Owner; until: number }>();
  private readonly unknown = new Map<string, number>();

  constructor(private readonly lookup: (secret: string) => Promise<Owner | undefined>) {}

  async ownerOf(secret: string, now = Date.now()): Promise<Owner | undefined> {
    const digest = digestOf(secret);
    const known = this.known.get(digest);
    if (known && known.until > now) return known.owner;
    if ((this.unknown.get(digest) ?? 0) > now) return undefined;
    const owner = await this.lookup(secret);
    if (owner === undefined) {
      remember(this.unknown, MAX_UNKNOWN, digest, now + TTL_MS);
      this.known.delete(digest);
    } else {
      remember(this.known, MAX_KNOWN, digest, { owner, until: now + TTL_MS });
      this.unknown.delete(digest);
    }
    return owner;
  }

  /** The owner of a secret resolved within the last minute, without a lookup: undefined for any other. */
  knownOwnerOf(secret: string, now = Date.now()): Owner | undefined {
    const known = this.known.get(digestOf(secret));
    return known && known.until > now ? known.owner : undefined;
  }
}

function digestOf(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('base64');
}

function remember<V>(map: Map<string, V>, max: number, key: string, value: V): void {
  if (map.size >= max && !map.has(key)) map.clear();
  map.set(key, value);
}
