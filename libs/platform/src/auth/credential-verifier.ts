import type { ApiErrorReason } from '../errors/api-error';
import { AuthFailureLimiter, claimedIdentity, type CredentialKind, type HeaderSink } from './auth-failure-limiter';
import { CredentialCache } from './credential-cache';

/**
 * Whose a presented API key or bureau token is (looked up through a CredentialCache), failures
 * counted and answered by the AuthFailureLimiter: what ApiKeyAuthenticator and
 * BureauTokenAuthenticator share. They keep how the secret is taken from the request.
 */
export class CredentialVerifier<Owner> {
  private readonly owners: CredentialCache<Owner>;

  constructor(
    private readonly credential: CredentialKind,
    lookup: (secret: string) => Promise<Owner | undefined>,
    private readonly failures: AuthFailureLimiter,
    /** The 401 answer to a secret that is unknown or revoked. */
    private readonly invalid: ApiErrorReason,
  ) {
    this.owners = new CredentialCache(lookup);
  }

  /** The owner of `secret`; throws 401 with the `invalid` reason, or 429 once failures are over the limit. */
  async ownerOf(secret: string, request: { ip?: string }, response: HeaderSink): Promise<Owner> {
    const owner = await this.owners.ownerOf(secret);
    if (!owner) this.failures.reject({ credential: this.credential, identity: claimedIdentity(secret), source: String(request.ip) }, this.invalid, response);
    return owner;
  }

  /** The owner of a secret resolved within the last minute, without a lookup or a failure counted. */
  knownOwnerOf(secret: string): Owner | undefined {
    return this.owners.knownOwnerOf(secret);
  }
}
