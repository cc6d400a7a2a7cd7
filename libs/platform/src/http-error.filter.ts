import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';

/** The one error shape of every app: a machine-readable `code`, a message for people, a correlation id. */
export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  correlationId?: string;
  [detail: string]: unknown;
}

const CODE_BY_STATUS: Record<number, string> = {
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

/**
 * Maps every error to ErrorBody. Internals (stack traces, SQL, driver messages) never reach the
 * client: unexpected errors are logged with the correlation id and answered with a generic 500.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const body = { ...this.toBody(error, request), correlationId: request.id };
    if (body.statusCode >= 500) this.logger.error({ err: error, correlationId: request.id }, 'request failed');
    response.status(body.statusCode).json(body);
  }

  private toBody(error: unknown, request: Request): ErrorBody {
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const payload = error.getResponse();
      const detail = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {};
      const message = Array.isArray(detail.message) ? detail.message.join('; ') : String(detail.message ?? error.message);
      return {
        ...detail,
        statusCode: status,
        code: typeof detail.code === 'string' ? detail.code : (CODE_BY_STATUS[status] ?? 'error'),
        message,
        // A 404 without a code of ours is Nest's "no such route"; say which route.
        ...(status === 404 && typeof detail.code !== 'string' ? { message: `No route ${request.method} ${request.path}` } : {}),
        error: undefined,
      };
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, code: 'internal_error', message: 'Internal error; quote the correlation id when reporting it' };
  }
}
