import { HttpException, HttpStatus } from '@nestjs/common';
import { AdminError, type ItemProblem } from './admin-error';

/** What every admin error answers. */
export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errors?: ItemProblem[] | string[];
}

/** Codes for Nest's own exceptions (guards, parse pipes, the global validation pipe) that carry none. */
const CODE_BY_STATUS: Record<number, string> = {
  [HttpStatus.BAD_REQUEST]: 'invalid_request',
  [HttpStatus.UNAUTHORIZED]: 'unauthorized',
  [HttpStatus.FORBIDDEN]: 'forbidden',
  [HttpStatus.NOT_FOUND]: 'not_found',
  [HttpStatus.PAYLOAD_TOO_LARGE]: 'payload_too_large',
  [HttpStatus.TOO_MANY_REQUESTS]: 'rate_limited',
};

/**
 * Maps whatever was thrown to the one error shape. Anything that is neither an AdminError nor an
 * HttpException is a bug: it answers a bare 500 so no internals (SQL, stack) leak to the caller.
 */
export function errorBody(exception: unknown): ErrorBody {
  if (exception instanceof AdminError) {
    return { statusCode: exception.status, code: exception.code, message: exception.message, ...(exception.errors && { errors: exception.errors }) };
  }
  if (exception instanceof HttpException) {
    const statusCode = exception.getStatus();
    const response = exception.getResponse();
    const fields = typeof response === 'object' && response !== null ? (response as Record<string, unknown>) : {};
    const code = typeof fields.code === 'string' ? fields.code : (CODE_BY_STATUS[statusCode] ?? `http_${statusCode}`);
    // class-validator (through ValidationPipe) answers a list of messages.
    const messages = Array.isArray(fields.message) ? fields.message.map(String) : undefined;
    const message = messages ? messages.join('; ') : typeof fields.message === 'string' ? fields.message : exception.message;
    return { statusCode, code, message, ...(messages && { errors: messages }) };
  }
  return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, code: 'internal_error', message: 'Internal error' };
}
