import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiKeyAuthenticator } from './api-key-authenticator';

/** The request of an authenticated institution: its API key is bound to this one institution. */
export interface InstitutionRequest extends FastifyRequest {
  reportingInstitution: string;
}

/** Lets through the requests of an institution with a valid API key (ApiKeyAuthenticator). */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(private readonly authenticator: ApiKeyAuthenticator) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<InstitutionRequest>();
    request.reportingInstitution = await this.authenticator.institutionOf(request, context.switchToHttp().getResponse<FastifyReply>());
    return true;
  }
}
