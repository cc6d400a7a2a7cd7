import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { ApiError, type ApiErrorReason, AuthFailureLimiter, bearerToken as headerToken, claimedIdentity, CredentialCache } from '@lib/platform';
import { CredentialsRepository } from '@lib/registry-store';


/** The answer to a request without a bureau token. */
export const MISSING_BUREAU_TOKEN: ApiErrorReason = { code: 'missing_bureau_token', message: 'Authorization: Bearer <bureau token> is required' };

/** A request of a bureau: its token is scoped to one region's subtree (a county bureau: its county). */
export interface BureauRequest extends Request {
  bureauScope: string;
  /** The token presented, for routes that check it again later (a long-lived stream). */
  bureauToken: string;
}

const QUERY_TOKEN = 'bureau:query-token';

/**
 * Marks the one route that may take the token as `?token=`: EventSource (the live stream) cannot set
 * headers. Anywhere else a token in the URL would end up in proxy logs and browser history.
 */
export const AcceptsQueryToken = () => SetMetadata(QUERY_TOKEN, true);

function presentedToken(request: Request, queryTokenAccepted: boolean): string | undefined {
  const fromQuery = queryTokenAccepted && typeof request.query.token === 'string' ? request.query.token : undefined;
  return headerToken(request) ?? fromQuery;
}

/** Bureau tokens, looked up by hash (cached for a minute, see CredentialCache). */
@Injectable()
export class BureauTokenGuard implements CanActivate {
  private readonly scopes: CredentialCache<string>;

  constructor(
    credentials: CredentialsRepository,
    private readonly failures: AuthFailureLimiter,
    private readonly reflector: Reflector,
  ) {
    this.scopes = new CredentialCache((token) => credentials.regionOfBureauToken(token));
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<BureauRequest>();
    const queryTokenAccepted = this.reflector.get<boolean>(QUERY_TOKEN, context.getHandler()) === true;
    const token = presentedToken(request, queryTokenAccepted);
    if (!token) {
      const inUrl = typeof request.query.token === 'string';
      throw inUrl
        ? new ApiError('token_in_url_refused', '?token= is accepted only on /v1/stream; send Authorization: Bearer <bureau token>')
        : ApiError.of(MISSING_BUREAU_TOKEN);
    }
    const scope = await this.scopes.ownerOf(token);
    if (!scope) {
      this.failures.reject(
        { credential: 'bureau_token', identity: claimedIdentity(token), source: String(request.ip) },
        { code: 'invalid_bureau_token', message: 'The bureau token is unknown or revoked' },
        context.switchToHttp().getResponse<Response>(),
      );
    }
    request.bureauScope = scope;
    request.bureauToken = token;
    return true;
  }
}
