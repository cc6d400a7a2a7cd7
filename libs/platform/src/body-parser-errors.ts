import type { NextFunction, Request, Response } from 'express';
import { ApiError, type ApiErrorReason } from './errors/api-error';
import { sendError } from './errors/error-body';

/** Body-parser failures carry a `type`; each is the client's fault and gets its own code. */
const BODY_PARSER_ERRORS: Record<string, ApiErrorReason> = {
  'entity.parse.failed': { code: 'invalid_json', message: 'The request body is not valid JSON' },
  'entity.too.large': { code: 'body_too_large', message: 'The request body is larger than this endpoint accepts' },
  'encoding.unsupported': { code: 'unsupported_encoding', message: 'The request body encoding is not supported' },
  'charset.unsupported': { code: 'unsupported_charset', message: 'The request body charset is not supported (use UTF-8)' },
  'encoding.invalid_utf8': { code: 'invalid_utf8', message: 'The request body is not valid UTF-8' },
};

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * body-parser's `verify` hook: refuses a UTF-8 body with invalid byte sequences. Without it the
 * parser silently replaces them with U+FFFD and a corrupted event (e.g. a reason or a name) would be
 * accepted, while the Kafka door dead-letters the same bytes: with it, both doors refuse them.
 */
export function verifyUtf8(_request: unknown, _response: unknown, body: Buffer, encoding: string): void {
  if (!/^utf-?8$/i.test(encoding)) return; // other charsets are decoded (or refused) by the parser itself
  try {
    strictUtf8.decode(body);
  } catch {
    throw Object.assign(new Error('invalid UTF-8'), { status: 400, type: 'encoding.invalid_utf8' });
  }
}

/**
 * Express error middleware placed right after the JSON parser. It answers parser failures itself
 * because Nest re-wraps a parser's SyntaxError into a plain BadRequestException and loses its type.
 */
export function answerBodyParserErrors(error: unknown, request: Request & { id?: string }, response: Response, next: NextFunction): void {
  const known = BODY_PARSER_ERRORS[(error as { type?: string } | null)?.type ?? ''] ?? unreadable(error);
  if (!known) return next(error);
  sendError(request, response, ApiError.of(known));
}

/**
 * Other parser failures have no `type` we know: a body declared `Content-Encoding: gzip` that is not
 * gzip reaches here as a bare zlib error that body-parser marks 400 (as it marks every read failure
 * it does not type otherwise), and would else be answered 500 by the default handler.
 */
function unreadable(error: unknown): ApiErrorReason | undefined {
  const e = error as { status?: unknown; expose?: unknown } | null;
  if (typeof e?.status !== 'number' || e.status < 400 || e.status >= 500 || e.expose !== true) return undefined;
  return { code: 'unreadable_body', message: 'The request body could not be read (check Content-Encoding and Content-Type)' };
}
