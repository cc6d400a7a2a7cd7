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
              genReqId: (req: IncomingMessage) => (req.headers['x-request-id'] as string | undefined) ?? randomUUID(),
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
