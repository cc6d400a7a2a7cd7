import { createHash, timingSafeEqual } from 'node:crypto';
import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Request } from 'express';
import { bearerToken } from './bearer-token';

/** The operator's admin token (ADMIN_TOKEN of apps with an admin API), compared in constant time. */
@Injectable()
export class AdminGuard implements CanActivate {
  private readonly adminToken: Buffer;

  constructor(config: ConfigService<{ ADMIN_TOKEN: string }, true>) {
    this.adminToken = digest(config.get('ADMIN_TOKEN', { infer: true }));
  }

  canActivate(context: ExecutionContext): boolean {
    const token = bearerToken(context.switchToHttp().getRequest<Request>());
    if (!token || !timingSafeEqual(digest(token), this.adminToken)) {
      throw new UnauthorizedException({ code: 'invalid_admin_token', message: 'An operator admin token is required' });
    }
    return true;
  }
}

/** Equal-length digests, so the comparison takes the same time whatever the token's length. */
function digest(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}
