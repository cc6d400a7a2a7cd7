import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AuthFailureLimiter, bearerToken as headerToken, claimedIdentity, CredentialCache } from '@lib/platform';
import { CredentialsRepository } from '@lib/registry-store';

/** A request of a bureau: its token is scoped to one region's subtree (a county bureau: its county). */
export interface BureauRequest extends Request {
  bureauScope: string;
}

function presentedToken(request: Request): string | undefined {
  const fromHeader = headerToken(request);
  // EventSource (the live stream) cannot set headers: the stream and the dashboard may pass ?token=.
  const fromQuery = typeof request.query.token === 'string' ? request.query.token : undefined;
  return fromHeader ?? fromQuery;
}

/** Bureau tokens, looked up by hash (cached for a minute, see CredentialCache). */
@Injectable()
export class BureauTokenGuard implements CanActivate {
  private readonly scopes: CredentialCache<string>;

  constructor(
    credentials: CredentialsRepository,
    private readonly failures: AuthFailureLimiter,
  ) {
    this.scopes = new CredentialCache((token) => credentials.regionOfBureauToken(token));
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<BureauRequest>();
    const token = presentedToken(request);
    if (!token) throw new UnauthorizedException({ code: 'missing_bureau_token', message: 'Authorization: Bearer <bureau token> is required' });
    const scope = await this.scopes.ownerOf(token);
    if (!scope) {
      this.failures.reject(
        { credential: 'bureau_token', identity: claimedIdentity(token), source: String(request.ip) },
        { code: 'invalid_bureau_token', message: 'The bureau token is unknown or revoked' },
        context.switchToHttp().getResponse<Response>(),
      );
    }
    request.bureauScope = scope;
    return true;
  }
}
