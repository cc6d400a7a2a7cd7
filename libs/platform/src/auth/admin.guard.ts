import { createHash, timingSafeEqual } from 'node:crypto';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError, type ApiErrorReason } from '../errors/api-error';
import { AuthFailureLimiter, type HeaderSink } from './auth-failure-limiter';
import { bearerToken } from './bearer-token';

/** The admin routes' answer to a request without the operator admin token (or with a wrong one). */
export const MISSING_ADMIN_TOKEN: ApiErrorReason = { code: 'invalid_admin_token', message: 'An operator admin token is required' };

/**
 * The operator's admin token (ADMIN_TOKEN of apps with an admin API), compared in constant time.
 * Failures are limited like those of the other credentials; the right token always passes.
 */
@Injectable()
export class AdminGuard implements CanActivate {
  private readonly adminToken: Buffer;

  constructor(
    config: ConfigService<{ ADMIN_TOKEN: string }, true>,
    private readonly failures: AuthFailureLimiter,
  ) {
    this.adminToken = digest(config.get('ADMIN_TOKEN', { infer: true }));
  }

  canActivate(context: ExecutionContext): boolean {
    this.check(context.switchToHttp().getRequest<FastifyRequest>(), context.switchToHttp().getResponse<FastifyReply>());
    return true;
  }

  /** Returns when the request carries the admin token; throws 401 `invalid_admin_token`, or 429 once failures are over the limit. */
  check(request: FastifyRequest, response: HeaderSink): void {
    const token = bearerToken(request);
    if (!token) throw ApiError.of(MISSING_ADMIN_TOKEN);
    if (!timingSafeEqual(digest(token), this.adminToken)) {
      this.failures.reject({ credential: 'admin_token', identity: 'admin', source: String(request.ip) }, MISSING_ADMIN_TOKEN, response);
    }
  }
}

/** Equal-length digests, so the comparison takes the same time whatever the token's length. */
function digest(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}
