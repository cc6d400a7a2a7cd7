import type { NextFunction, Request, Response } from 'express';

/** Body-parser failures carry a `type`; each is the client's fault and gets its own code. */
const BODY_PARSER_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  'entity.parse.failed': { status: 400, code: 'invalid_json', message: 'The request body is not valid JSON' },
  'entity.too.large': { status: 413, code: 'body_too_large', message: 'The request body is larger than this endpoint accepts' },
  'encoding.unsupported': { status: 415, code: 'unsupported_encoding', message: 'The request body encoding is not supported' },
  'charset.unsupported': { status: 415, code: 'unsupported_charset', message: 'The request body charset is not supported (use UTF-8)' },
};

/**
 * Express error middleware placed right after the JSON parser. It answers parser failures itself
 * because Nest re-wraps a parser's SyntaxError into a plain BadRequestException and loses its type.
 */
export function answerBodyParserErrors(error: unknown, request: Request & { id?: string }, response: Response, next: NextFunction): void {
  const known = BODY_PARSER_ERRORS[(error as { type?: string } | null)?.type ?? ''];
  if (!known) return next(error);
  response.status(known.status).json({ statusCode: known.status, code: known.code, message: known.message, correlationId: request.id });
}
