import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Request } from 'express';
import { secretsEqual } from '@lib/registry-store';
import type { AlertingEnvironment } from '../alerting.environment';
import { bearerToken } from './bearer-token';

/** The operator's admin token (ADMIN_TOKEN), compared in constant time — the same scheme as ingest's admin API. */
@Injectable()
export class AdminGuard implements CanActivate {
  private readonly adminToken: string;

  constructor(config: ConfigService<AlertingEnvironment, true>) {
    this.adminToken = config.get('ADMIN_TOKEN', { infer: true });
  }

  canActivate(context: ExecutionContext): boolean {
    const token = bearerToken(context.switchToHttp().getRequest<Request>());
    if (!token || !secretsEqual(token, this.adminToken)) {
      throw new UnauthorizedException({ code: 'invalid_admin_token', message: 'An operator admin token is required' });
    }
    return true;
  }
}
