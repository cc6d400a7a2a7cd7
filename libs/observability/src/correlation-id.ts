import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The request's correlation id (the caller's X-Request-Id, or a fresh one), set once. It is Fastify's
 * request id (bootstrap's `genReqId`), so answers given before a route's handler — a body that is not
 * JSON, a credential refused before the body — carry the id the log line carries.
 */
export function correlationIdOf(request: IncomingMessage): string {
  const carrier = request as unknown as { id?: string };
  const header = request.headers['x-request-id'];
  carrier.id ??= typeof header === 'string' && header.length > 0 && header.length <= 128 ? header : randomUUID();
  return carrier.id;
}
