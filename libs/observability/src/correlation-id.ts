import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The request's correlation id (the caller's X-Request-Id, or a fresh one), set once. Called first
 * thing by every app (bootstrap), so that answers given before the logger's middleware runs — a
 * body that is not JSON, a credential refused before the body — carry the id the log line carries.
 */
export function correlationIdOf(request: IncomingMessage): string {
  const carrier = request as unknown as { id?: string };
  const header = request.headers['x-request-id'];
  carrier.id ??= typeof header === 'string' && header.length > 0 && header.length <= 128 ? header : randomUUID();
  return carrier.id;
}
