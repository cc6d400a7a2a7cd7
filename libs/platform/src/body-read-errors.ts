import { HttpException } from '@nestjs/common';
import { ApiError } from './errors/api-error';
import { CODE_BY_STATUS } from './errors/error-body';

/**
 * Fastify's own refusals while it reads a request (before any parser of ours runs), as the API's
 * errors: a body over the limit, by its Content-Length or as it streams in, a Content-Length that
 * does not match the body. Other 4xx errors of Fastify's keep their status, with its status code.
 */
export function asApiError(error: unknown): unknown {
  if (error instanceof HttpException) return error;
  const { code, statusCode } = (error ?? {}) as { code?: unknown; statusCode?: unknown };
  if (typeof code !== 'string' || !code.startsWith('FST_') || typeof statusCode !== 'number' || statusCode < 400 || statusCode >= 500) return error;
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError('body_too_large', 'The request body is larger than this endpoint accepts');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new ApiError('unreadable_body', 'The request body could not be read (check Content-Encoding and Content-Type)');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError('unsupported_media_type', 'The request body media type is not accepted here');
    default:
      return new HttpException({ code: CODE_BY_STATUS[statusCode] ?? 'bad_request', message: (error as Error).message }, statusCode);
  }
}
