import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** A weak ETag of a body, as Express made them: length and SHA-1 (`W/"1a2-…"`). */
export function etagOf(body: string | Buffer): string {
  const length = typeof body === 'string' ? Buffer.byteLength(body, 'utf8') : body.length;
  if (length === 0) return 'W/"0-2jmj7l5rSw0yVb/vlWAYkK/YBwk"';
  return `W/"${length.toString(16)}-${createHash('sha1').update(body).digest('base64').slice(0, 27)}"`;
}

/**
 * The `onSend` hook of conditional GETs: every successful GET answer with a body carries an ETag
 * (kept if the route made it, see cachedAnswersFirst), and a request whose If-None-Match holds it
 * is answered 304 without the body, unless it asks for a fresh answer (Cache-Control: no-cache).
 */
export function answerConditionalGets(request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (error: null, payload: unknown) => void): void {
  if ((request.method !== 'GET' && request.method !== 'HEAD') || reply.statusCode !== 200 || !(typeof payload === 'string' || Buffer.isBuffer(payload)))
    return done(null, payload);
  let etag = reply.getHeader('etag');
  if (etag === undefined) {
    etag = etagOf(payload);
    reply.header('etag', etag);
  }
  if (!isFresh(request, String(etag))) return done(null, payload);
  reply.code(304);
  reply.removeHeader('content-type');
  reply.removeHeader('content-length');
  done(null, null);
}

function isFresh(request: FastifyRequest, etag: string): boolean {
  const condition = request.headers['if-none-match'];
  if (condition === undefined || /(?:^|,)\s*no-cache\s*(?:,|$)/.test(request.headers['cache-control'] ?? '')) return false;
  if (condition.trim() === '*') return true;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return condition.split(',').some((tag) => bare(tag) === bare(etag));
}
