import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from './errors/api-error';
import { sendError } from './errors/error-body';
import { JSON_MEDIA_TYPE } from './json-body';

const WRITES = new Set(['POST', 'PUT', 'PATCH']);

/**
 * Every body this project parses is JSON. A body sent as something else (`curl -d @event.json`
 * sends application/x-www-form-urlencoded) gets one clear 415 (an `onRequest` hook, before the body
 * is read) instead of a list of missing fields. Paths in `streamed` read their bodies themselves,
 * in the media types their routes declare (the bulk import's NDJSON and CSV).
 */
export function requireJsonBodies(streamed: readonly string[] = []) {
  return (request: FastifyRequest, reply: FastifyReply, done: () => void): void => {
    const hasBody = Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
    if (!WRITES.has(request.method) || !hasBody || JSON_MEDIA_TYPE.test(request.headers['content-type'] ?? '') || streamed.includes(pathOf(request)))
      return done();
    refuseMediaType(request, reply);
  };
}

/** The request's path, without its query string. */
export function pathOf(request: FastifyRequest): string {
  const query = request.url.indexOf('?');
  return query === -1 ? request.url : request.url.slice(0, query);
}

function refuseMediaType(request: FastifyRequest, reply: FastifyReply): void {
  const got = request.headers['content-type']?.slice(0, 100) ?? 'no Content-Type';
  const message = `Send the body as JSON with Content-Type: application/json (got ${got}); with curl: -H 'Content-Type: application/json' -d @file.json`;
  sendError(request, reply, new ApiError('unsupported_media_type', message));
}
