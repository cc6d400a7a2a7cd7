import { randomUUID } from 'node:crypto';
import { IncomingMessage } from 'node:http';
import { DynamicModule, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import type { BaseEnvironment } from '@lib/config';

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

/** EventSource clients pass bureau tokens as `?token=`: never let one reach a log line. */
export function withoutSecrets(url: string): string {
  return url.replace(/([?&](?:token|key|api_key|access_token)=)[^&#]*/gi, '$1[redacted]');
}

/**
 * The request's correlation id (the caller's X-Request-Id, or a fresh one), set once. Called first
 * thing by every app (bootstrap), so that answers given before the logger's middleware runs — a
 * body that is not JSON, a credential refused before the body — carry the id the log line carries.
 */
export function correlationIdOf(request: IncomingMessage): string {
  const carrier = request as unknown as { id?: string };
  const header = request.headers['x-request-id'];
  carrier.id ??= typeof header === 'string' && header.length > 0 && header.length <= 128 ? header : randomUUID();
  return carrier.id;
}

/** Structured JSON logs (pino) with the app name, a correlation id per request and redaction. */
@Module({})
export class LoggingModule {
  static forApp(app: string): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService<BaseEnvironment, true>) => ({
            pinoHttp: {
              level: config.get('LOG_LEVEL', { infer: true }),
              base: { app },
              redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
              genReqId: (req: IncomingMessage) => correlationIdOf(req),
              customProps: (req: IncomingMessage) => ({ correlationId: (req as IncomingMessage & { id?: string }).id }),
              // Health probes and scrapes every few seconds would drown the useful lines.
              autoLogging: { ignore: (req: IncomingMessage) => /^\/(health|metrics)/.test(req.url ?? '') },
              serializers: {
                req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: withoutSecrets(req.url) }),
              },
            },
          }),
        }),
      ],
    };
  }
}
