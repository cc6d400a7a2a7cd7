import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CODE_BY_STATUS, errorBody } from './errors/error-body';

/**
 * Answers every error of a route as ErrorBody (see errorBody), with the request's correlation id.
 * Unexpected errors are logged with that id and answered with a generic 500.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  /** `codeByStatus`: the codes of code-less exceptions, for an API that answers its own (admin). */
  constructor(private readonly codeByStatus: Readonly<Record<number, string>> = CODE_BY_STATUS) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const body = errorBody(error, { correlationId: request.id, route: `${request.method} ${request.path}`, codeByStatus: this.codeByStatus });
    if (body.statusCode >= 500) this.logger.error({ err: error, correlationId: request.id }, 'request failed');
    http.getResponse<Response>().status(body.statusCode).json(body);
  }
}
