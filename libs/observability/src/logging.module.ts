import { DynamicModule, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import { pino, type Logger } from 'pino';
import type { BaseEnvironment } from '@lib/config';
import { correlationOfCurrentRequest } from './request-log';

/** Paths never written to a log line: credentials and anything that could hold a clear ID number. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'person.id',
  '*.person.id',
  'event.person.id',
  'events[*].person.id',
];

/** The app's root pino logger (Nest's logger writes through it; so does the access log, logHttpRequests). */
export const APP_LOGGER = Symbol('APP_LOGGER');

/**
 * Structured JSON logs (pino) with the app name and redaction; a line written while a request is
 * handled carries its correlation id (pino's mixin). Requests are logged by logHttpRequests, which
 * bootstrap installs: nestjs-pino is given the logger and no middleware of its own, so no request
 * pays for a child logger it never writes to.
 */
@Module({})
export class LoggingModule {
  static forApp(app: string): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          providers: [
            {
              provide: APP_LOGGER,
              inject: [ConfigService],
              useFactory: (config: ConfigService<BaseEnvironment, true>): Logger =>
                pino({
                  level: config.get('LOG_LEVEL', { infer: true }),
                  base: { app },
                  redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
                  mixin: correlationOfCurrentRequest,
                }),
            },
          ],
          inject: [APP_LOGGER],
          useFactory: (logger: Logger) => ({ pinoHttp: { logger }, useExisting: true, forRoutes: [] }),
        }),
      ],
    };
  }
}
