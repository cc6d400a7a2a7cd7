import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpErrorFilter } from './http-error.filter';

/**
 * The bearer-credential check of the route a request goes to: returns (or resolves) when the
 * credential is good, throws what the route's guard throws when it is not (401 with the guard's own
 * code, 429 once failures are over the limit, failures counted as the guard counts them).
 */
export type CredentialCheck = (request: FastifyRequest, reply: FastifyReply) => unknown;

/**
 * Checks the credential of a request that sends a body before the body is read (an `onRequest`
 * hook): a client without a good credential, or without any, cannot make the app buffer and parse
 * up to its body limit (16 MB on ingest). A refused request never reaches its guard, so its failure
 * is counted once; the guard checks again, from the same cache, the requests let through. For apps
 * whose every route with a body takes a bearer credential.
 */
export function credentialBeforeBody(check: CredentialCheck) {
  const errors = new HttpErrorFilter();
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    if (!sendsBody(request)) return undefined;
    try {
      await check(request, reply);
    } catch (error) {
      // The body is left unread: the connection is not reused for another request.
      reply.header('connection', 'close');
      errors.catch(error, new ExecutionContextHost([request, reply]));
      return reply;
    }
    return undefined;
  };
}

function sendsBody(request: FastifyRequest): boolean {
  return request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
}
