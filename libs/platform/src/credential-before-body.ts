import type { NextFunction, Request, Response } from 'express';
import { bearerToken } from './auth/bearer-token';
import { ApiError, type ApiErrorReason } from './errors/api-error';
import { sendError } from './errors/error-body';

/** The 401 a route answers when its bearer credential is missing (its guard's own code and message). */
export type MissingCredential = ApiErrorReason;

/**
 * Refuses a request that sends a body without any bearer credential before the body is read: an
 * anonymous client cannot make the app buffer and parse up to its body limit (16 MB on ingest). For
 * apps whose every route with a body takes a bearer credential; the route's guard still checks the
 * credential itself, and `missing` gives the answer that guard would give.
 */
export function credentialBeforeBody(missing: (path: string) => MissingCredential) {
  return (request: Request & { id?: string }, response: Response, next: NextFunction): void => {
    if (!sendsBody(request) || bearerToken(request) !== undefined) return next();
    // The body is left unread: the connection is not reused for another request.
    response.setHeader('connection', 'close');
    sendError(request, response, ApiError.of(missing(request.path)));
  };
}

function sendsBody(request: Request): boolean {
  return request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
}
