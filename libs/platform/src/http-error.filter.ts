import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { asApiError } from './body-read-errors';
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
    const request = http.getRequest<FastifyRequest>();
    const path = request.url.split('?', 1)[0];
    const body = errorBody(asApiError(error), { correlationId: request.id, route: `${request.method} ${path}`, codeByStatus: this.codeByStatus });
    if (body.statusCode >= 500) this.logger.error({ err: error, correlationId: request.id }, 'request failed');
    // JSON whatever the route had set (a CSV or FHIR answer that failed half-way).
    http.getResponse<FastifyReply>().code(body.statusCode).type('application/json; charset=utf-8').send(body);
  }
}
