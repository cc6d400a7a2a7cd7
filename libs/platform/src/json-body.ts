import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from './errors/api-error';

/** The media types parsed as JSON: application/json and the structured `+json` suffix (application/fhir+json...). */
export const JSON_MEDIA_TYPE = /^application\/(?:[^;\s/]+\+)?json\s*(?:;|$)/i;

const DECOMPRESS: Record<string, (body: Buffer, options: { maxOutputLength: number }) => Buffer> = {
  gzip: gunzipSync,
  'x-gzip': gunzipSync,
  deflate: inflateSync,
  br: brotliDecompressSync,
};

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Registers the app's one body parser: JSON, at most `limit` bytes (after decompression too), read
 * as Express's body-parser read it (Content-Encoding gzip, deflate or br; UTF-8 only; an object or an
 * array at the top) and refused with the same codes. Bodies of other media types are left unread for
 * the routes that stream them (the bulk import); the JSON-only rule (requireJsonBodies) refuses them
 * everywhere else before this runs.
 */
export function parseJsonBodies(app: FastifyInstance, limit: number): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(JSON_MEDIA_TYPE, (request, payload, done) => {
    const chunks: Buffer[] = [];
    let length = 0;
    payload.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length <= limit) chunks.push(chunk);
    });
    // A body over the limit is read to its end, as body-parser did, so that the client gets its 413 instead of a broken pipe.
    payload.once('end', () => {
      try {
        if (length > limit) throw new ApiError('body_too_large', 'The request body is larger than this endpoint accepts');
        done(null, jsonOf(request, Buffer.concat(chunks, length), limit));
      } catch (error) {
        done(error as Error, undefined);
      }
    });
    payload.once('error', () =>
      done(new ApiError('unreadable_body', 'The request body could not be read (check Content-Encoding and Content-Type)'), undefined),
    );
  });
  app.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
}

function jsonOf(request: FastifyRequest, raw: Buffer, limit: number): unknown {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(request.headers['content-type'] ?? '')?.[1];
  if (charset !== undefined && !/^utf-?8$/i.test(charset)) throw new ApiError('unsupported_charset', 'The request body charset is not supported (use UTF-8)');
  const body = decoded(raw, String(request.headers['content-encoding'] ?? 'identity').toLowerCase(), limit);
  let text: string;
  try {
    // Without `fatal` invalid bytes would become U+FFFD and a corrupted event be accepted, where the Kafka door dead-letters the same bytes.
    text = strictUtf8.decode(body);
  } catch {
    throw new ApiError('invalid_utf8', 'The request body is not valid UTF-8');
  }
  const first = text.search(/[^\s\uFEFF]/);
  if (first === -1) return undefined;
  // Strict, as body-parser: the top level is an object or an array.
  if (text[first] !== '{' && text[first] !== '[') throw new ApiError('invalid_json', 'The request body is not valid JSON');
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    throw new ApiError('invalid_json', 'The request body is not valid JSON');
  }
}

function decoded(body: Buffer, encoding: string, limit: number): Buffer {
  if (encoding === 'identity') return body;
  const decompress = DECOMPRESS[encoding];
  if (!decompress) throw new ApiError('unsupported_encoding', 'The request body encoding is not supported');
  try {
    return decompress(body, { maxOutputLength: limit });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
      throw new ApiError('body_too_large', 'The request body is larger than this endpoint accepts');
    throw new ApiError('unreadable_body', 'The request body could not be read (check Content-Encoding and Content-Type)');
  }
}

/** A body-parser size (`100kb`, `4mb`) in bytes. */
export function bytesOf(size: string): number {
  const [, amount, unit] = /^(\d+)(b|kb|mb)$/i.exec(size.trim()) ?? [];
  if (amount === undefined) throw new Error(`Not a body size: ${size}`);
  return Number(amount) * { b: 1, kb: 1024, mb: 1024 * 1024 }[unit.toLowerCase() as 'b' | 'kb' | 'mb'];
}
