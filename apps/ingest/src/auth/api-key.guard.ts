import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import type { Request } from 'express';
import { AuthFailureLimiter, CredentialsRepository } from '@lib/registry-store';
import { bearerToken } from '@lib/platform';

/** The request of an authenticated institution: its API key is bound to this one institution. */
export interface InstitutionRequest extends Request {
  reportingInstitution: string;
}

const CACHE_MS = 60_000;
const CACHE_MAX = 10_000;

/**
 * Institution API keys. A key maps to one institution; lookups are cached for a minute (a revoked
 * key stops working within that time) so the hot path does not query PostgreSQL per request.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly cache = new Map<string, { institution: string | undefined; until: number }>();
  private readonly failures = new AuthFailureLimiter();

  constructor(private readonly credentials: CredentialsRepository) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<InstitutionRequest>();
    const client = String(request.ip);
    this.failures.assertAllowed(client);
    const key = bearerToken(request);
    if (!key) throw new UnauthorizedException({ code: 'missing_api_key', message: 'Authorization: Bearer <institution API key> is required' });
    const institution = await this.institutionOf(key);
    if (!institution) {
      this.failures.recordFailure(client);
      throw new UnauthorizedException({ code: 'invalid_api_key', message: 'The API key is unknown or revoked' });
    }
    request.reportingInstitution = institution;
    return true;
  }

  private async institutionOf(key: string): Promise<string | undefined> {
    const cached = this.cache.get(key);
    if (cached && cached.until > Date.now()) return cached.institution;
    const institution = await this.credentials.institutionOfApiKey(key);
    if (this.cache.size >= CACHE_MAX) this.cache.clear();
    this.cache.set(key, { institution, until: Date.now() + CACHE_MS });
    return institution;
  }
}
