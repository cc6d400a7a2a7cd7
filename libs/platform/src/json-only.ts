import type { NextFunction, Request, Response } from 'express';
import { ApiError } from './errors/api-error';
import { sendError } from './errors/error-body';

const WRITES = new Set(['POST', 'PUT', 'PATCH']);

/**
 * Every body this project parses is JSON. A body sent as something else (`curl -d @event.json`
 * sends application/x-www-form-urlencoded) would otherwise reach the handlers as `{}` and be
 * answered with a list of missing fields; it gets one clear 415 instead. Paths in `streamed` read
 * their bodies themselves, in the media types their routes declare (the bulk import's NDJSON and CSV).
 */
export function requireJsonBodies(streamed: readonly string[] = []) {
  return (request: Request & { id?: string }, response: Response, next: NextFunction): void => {
    const hasBody = Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
    if (!WRITES.has(request.method) || !hasBody || streamed.includes(request.path) || request.is(['application/json', 'application/*+json']) !== false)
      return next();
    refuseMediaType(request, response);
  };
}

function refuseMediaType(request: Request & { id?: string }, response: Response): void {
  const got = request.headers['content-type']?.slice(0, 100) ?? 'no Content-Type';
  const message = `Send the body as JSON with Content-Type: application/json (got ${got}); with curl: -H 'Content-Type: application/json' -d @file.json`;
  sendError(request, response, new ApiError('unsupported_media_type', message));
}
