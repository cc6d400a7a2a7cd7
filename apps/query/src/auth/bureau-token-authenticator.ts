import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiError, AuthFailureLimiter, bearerToken, CredentialVerifier, type HeaderSink } from '@lib/platform';
import { CredentialsRepository } from '@lib/registry-store';

/** A bureau's token and the region whose subtree it may read. */
export interface AuthenticatedBureau {
  token: string;
  scope: string;
}

/**
 * Bureau tokens, looked up by hash (cached for a minute, see CredentialCache). One instance per app,
 * shared by BureauTokenGuard and the check made before a body is read (main.ts), so both see the
 * same cache.
 */
@Injectable()
export class BureauTokenAuthenticator {
  private readonly scopes: CredentialVerifier<string>;

  constructor(credentials: CredentialsRepository, failures: AuthFailureLimiter) {
    this.scopes = new CredentialVerifier('bureau_token', (token) => credentials.regionOfBureauToken(token), failures, {
      code: 'invalid_bureau_token',
      message: 'The bureau token is unknown or revoked',
    });
  }

  /**
   * The bureau of the request's token: `Authorization: Bearer`, or `?token=` where the route accepts
   * it (the stream). Throws 401 (`missing_bureau_token`, `token_in_url_refused`,
   * `invalid_bureau_token`), or 429 once failures are over the limit.
   */
  async bureauOf(request: FastifyRequest, response: HeaderSink, queryTokenAccepted = false): Promise<AuthenticatedBureau> {
    const { token: queryToken } = request.query as Record<string, unknown>;
    const inUrl = typeof queryToken === 'string' ? queryToken : undefined;
    const token = bearerToken(request) ?? (queryTokenAccepted ? inUrl : undefined);
    if (!token) {
      throw inUrl !== undefined
        ? new ApiError('token_in_url_refused', '?token= is accepted only on /v1/stream; send Authorization: Bearer <bureau token>')
        : new ApiError('missing_bureau_token', 'Authorization: Bearer <bureau token> is required');
    }
    return { token, scope: await this.scopes.ownerOf(token, request, response) };
  }

  /**
   * The scope of the request's `Authorization: Bearer` token when it was resolved within the last
   * minute; undefined otherwise (no token, a token not yet looked up, an unknown one), with no lookup
   * and no failure counted: the caller then leaves the request to BureauTokenGuard.
   */
  knownScopeOf(request: Pick<FastifyRequest, 'headers'>): string | undefined {
    const token = bearerToken(request);
    return token ? this.scopes.knownOwnerOf(token) : undefined;
  }
}
