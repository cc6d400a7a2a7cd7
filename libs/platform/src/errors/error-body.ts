import { HttpException, HttpStatus } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

/** The one error shape of every app: a machine-readable `code`, a message for people, a correlation id. */
export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  correlationId?: string;
  [detail: string]: unknown;
}

/** Codes for Nest's own exceptions (parse and validation pipes, unknown routes) that carry none. */
export const CODE_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'body_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'rate_limited',
  503: 'unavailable',
};

export interface ErrorContext {
  /** The request's id (X-Request-Id or a fresh one, see correlationIdOf), quoted back so a report can be matched to the logs. */
  correlationId?: string;
  /** `METHOD /path`: a 404 that carries no code of ours is Nest's "no such route" and says which. */
  route?: string;
  /** The codes of code-less exceptions, where an API answers its own (admin: `invalid_request`). */
  codeByStatus?: Readonly<Record<number, string>>;
}

/**
 * Maps whatever was thrown to ErrorBody. An HttpException (ApiError, AdminError, Nest's own) keeps
 * its status, code and details; a list of validation messages is joined and listed in `errors`.
 * Anything else is a bug and answers a bare 500: internals (SQL, stack traces, driver messages)
 * never reach the client.
 */
export function errorBody(error: unknown, context: ErrorContext = {}): ErrorBody {
  const { correlationId, route, codeByStatus = CODE_BY_STATUS } = context;
  if (!(error instanceof HttpException)) {
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      code: 'internal_error',
      message: 'Internal error; quote the correlation id when reporting it',
      correlationId,
    };
  }
  const statusCode = error.getStatus();
  const payload = error.getResponse();
  const detail = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {};
  const ownCode = typeof detail.code === 'string' ? detail.code : undefined;
  // class-validator (through ValidationPipe) answers a list of messages.
  const messages = Array.isArray(detail.message) ? detail.message.map(String) : undefined;
  const message =
    statusCode === HttpStatus.NOT_FOUND && !ownCode && route
      ? `No route ${route}`
      : (messages?.join('; ') ?? (typeof detail.message === 'string' ? detail.message : error.message));
  return {
    ...detail,
    ...(messages && { errors: messages }),
    statusCode,
    code: ownCode ?? codeByStatus[statusCode] ?? CODE_BY_STATUS[statusCode] ?? 'error',
    message,
    // Nest's own payloads name the status in words; the code says it.
    error: undefined,
    correlationId,
  };
}

/** Answers an error from a Fastify hook, which runs outside Nest's exception filters. */
export function sendError(request: { id?: string }, reply: FastifyReply, error: unknown): void {
  const body = errorBody(error, { correlationId: request.id });
  reply.code(body.statusCode).type('application/json; charset=utf-8').send(body);
}
