import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { errorBody } from './error-body';

/** Answers every admin error as `{ statusCode, code, message, errors? }`; logs the unexpected ones. */
@Catch()
export class AdminExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('AdminApi');

  catch(exception: unknown, host: ArgumentsHost): void {
    const body = errorBody(exception);
    if (body.statusCode >= 500) this.logger.error({ err: exception }, 'admin request failed');
    host.switchToHttp().getResponse<Response>().status(body.statusCode).json(body);
  }
}
