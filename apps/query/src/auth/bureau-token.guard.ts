import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import type { Request } from 'express';
import { bearerToken as headerToken } from '@lib/platform';
import { AuthFailureLimiter, CredentialsRepository } from '@lib/registry-store';

/** A request of a bureau: its token is scoped to one region's subtree (a county bureau: its county). */
export interface BureauRequest extends Request {
  bureauScope: string;
}

const CACHE_MS = 60_000;
const CACHE_MAX = 10_000;

function presentedToken(request: Request): string | undefined {
  const fromHeader = headerToken(request);
  // EventSource (the live stream) cannot set headers: the stream and the dashboard may pass ?token=.
  const fromQuery = typeof request.query.token === 'string' ? request.query.token : undefined;
  return fromHeader ?? fromQuery;
}

/** Bureau tokens, looked up by hash and cached for a minute (a revoked token stops within that time). */
@Injectable()
export class BureauTokenGuard implements CanActivate {
  private readonly cache = new Map<string, { scope: string | undefined; until: number }>();
  private readonly failures = new AuthFailureLimiter();

  constructor(private readonly credentials: CredentialsRepository) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<BureauRequest>();
    const client = String(request.ip);
    this.failures.assertAllowed(client);
    const token = presentedToken(request);
    if (!token) throw new UnauthorizedException({ code: 'missing_bureau_token', message: 'Authorization: Bearer <bureau token> is required' });
    const scope = await this.scopeOf(token);
    if (!scope) {
      this.failures.recordFailure(client);
      throw new UnauthorizedException({ code: 'invalid_bureau_token', message: 'The bureau token is unknown or revoked' });
    }
    request.bureauScope = scope;
    return true;
  }

  private async scopeOf(token: string): Promise<string | undefined> {
    const cached = this.cache.get(token);
    if (cached && cached.until > Date.now()) return cached.scope;
    const scope = await this.credentials.regionOfBureauToken(token);
    if (this.cache.size >= CACHE_MAX) this.cache.clear();
    this.cache.set(token, { scope, until: Date.now() + CACHE_MS });
    return scope;
  }
}
