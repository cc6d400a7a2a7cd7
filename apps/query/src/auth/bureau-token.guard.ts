import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BureauTokenAuthenticator } from './bureau-token-authenticator';

/** A request of a bureau: its token is scoped to one region's subtree (a county bureau: its county). */
export interface BureauRequest extends FastifyRequest<{ Querystring: Record<string, unknown> }> {
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

/** Lets through the requests of a bureau with a valid token (BureauTokenAuthenticator). */
@Injectable()
export class BureauTokenGuard implements CanActivate {
  constructor(
    private readonly authenticator: BureauTokenAuthenticator,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<BureauRequest>();
    const queryTokenAccepted = this.reflector.get<boolean>(QUERY_TOKEN, context.getHandler()) === true;
    const { token, scope } = await this.authenticator.bureauOf(request, context.switchToHttp().getResponse<FastifyReply>(), queryTokenAccepted);
    request.bureauScope = scope;
    request.bureauToken = token;
    return true;
  }
}
