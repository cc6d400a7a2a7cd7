import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiError, type ApiErrorReason, AuthFailureLimiter, bearerToken, CredentialVerifier, type HeaderSink } from '@lib/platform';
import { CredentialsRepository } from '@lib/registry-store';

/** The answer to a request without an institution API key. */
const MISSING_API_KEY: ApiErrorReason = { code: 'missing_api_key', message: 'Authorization: Bearer <institution API key> is required' };

/**
 * Institution API keys: a key maps to one institution (lookups cached for a minute, see
 * CredentialCache). One instance per app, shared by ApiKeyGuard and the check made before a body is
 * read (main.ts), so both see the same cache.
 */
@Injectable()
export class ApiKeyAuthenticator {
  private readonly institutions: CredentialVerifier<string>;
  /** Each request's answer, held as long as the request. */
  private readonly checked = new WeakMap<FastifyRequest, Promise<string>>();

  constructor(credentials: CredentialsRepository, failures: AuthFailureLimiter) {
    this.institutions = new CredentialVerifier('api_key', (key) => credentials.institutionOfApiKey(key), failures, {
      code: 'invalid_api_key',
      message: 'The API key is unknown or revoked',
    });
  }

  /**
   * The institution of the request's API key; throws 401 (`missing_api_key`, `invalid_api_key`), or 429 once failures are over the limit.
   * Asked twice of a request with a body (before the body is read, then by the guard), it is checked once.
   */
  institutionOf(request: FastifyRequest, response: HeaderSink): Promise<string> {
    let institution = this.checked.get(request);
    if (institution === undefined) {
      institution = this.check(request, response);
      this.checked.set(request, institution);
    }
    return institution;
  }

  private async check(request: FastifyRequest, response: HeaderSink): Promise<string> {
    const key = bearerToken(request);
    if (!key) throw ApiError.of(MISSING_API_KEY);
    return this.institutions.ownerOf(key, request, response);
  }
}
