import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CredentialsRepository } from '@lib/registry-store';
import { ApiError, type ApiErrorReason, AuthFailureLimiter, bearerToken, claimedIdentity, CredentialCache } from '@lib/platform';


/** The answer to a request without an institution API key. */
export const MISSING_API_KEY: ApiErrorReason = { code: 'missing_api_key', message: 'Authorization: Bearer <institution API key> is required' };

/** The request of an authenticated institution: its API key is bound to this one institution. */
export interface InstitutionRequest extends Request {
  reportingInstitution: string;
}

/** Institution API keys: a key maps to one institution (lookups cached for a minute, see CredentialCache). */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly institutions: CredentialCache<string>;

  constructor(
    credentials: CredentialsRepository,
    private readonly failures: AuthFailureLimiter,
  ) {
    this.institutions = new CredentialCache((key) => credentials.institutionOfApiKey(key));
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<InstitutionRequest>();
    const key = bearerToken(request);
    if (!key) throw ApiError.of(MISSING_API_KEY);
    const institution = await this.institutions.ownerOf(key);
    if (!institution) {
      this.failures.reject(
        { credential: 'api_key', identity: claimedIdentity(key), source: String(request.ip) },
        { code: 'invalid_api_key', message: 'The API key is unknown or revoked' },
        context.switchToHttp().getResponse<Response>(),
      );
    }
    request.reportingInstitution = institution;
    return true;
  }
}
