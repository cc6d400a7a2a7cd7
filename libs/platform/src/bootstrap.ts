import 'reflect-metadata';
import type { IncomingMessage } from 'node:http';
import { Type, ValidationPipe } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { Logger } from 'nestjs-pino';
import helmet from 'helmet';
import { BaseEnvironment, parseTrustProxy } from '@lib/config';
import type { Logger as PinoRoot } from 'pino';
import { APP_LOGGER, correlationIdOf, logHttpRequests, measureHttpRequests, RequestLogPolicy } from '@lib/observability';
import { answerBodyParserErrors, verifyUtf8 } from './body-parser-errors';
import { credentialBeforeBody, type CredentialCheck } from './credential-before-body';
import { HttpErrorFilter } from './http-error.filter';
import { requireJsonBodies } from './json-only';
import { refuseNulCharacters } from './nul-characters';
import { setUpOpenApi } from './openapi';

export interface HttpAppOptions {
  title: string;
  description: string;
  /** Largest JSON body accepted (body-parser syntax, e.g. '4mb'); 100kb by default. */
  bodyLimit?: string;
  /**
   * For apps whose every route with a body takes a bearer credential: the check of a request's
   * credential (its route guard's), made before its body is read (see credentialBeforeBody).
   */
  credentialCheck?: (app: NestExpressApplication) => CredentialCheck;
  /** Paths whose bodies are validated item by item, NUL characters included (ingest's events). */
  bodyCheckedElsewhere?: readonly string[];
  /** Paths whose routes read their bodies as streams in their own media types (not JSON). */
  streamedBodies?: readonly string[];
  /** Named OpenAPI schemas not generated from a DTO class (see setUpOpenApi). */
  openApiSchemas?: Record<string, SchemaObject>;
  /** Anything app-specific to do before listening (extra middleware, a microservice...). */
  configure?: (app: NestExpressApplication) => void | Promise<void>;
}

/**
 * Starts one of the project's HTTP apps the same way everywhere: pino logger and access log, validation,
 * OpenAPI at /docs (JSON at /docs-json), graceful shutdown, then listen on HOST:PORT from the validated config.
 */
export async function bootstrapHttpApp(appModule: Type<unknown>, options: HttpAppOptions): Promise<NestExpressApplication> {
  // bodyParser off: Nest's default JSON and urlencoded parsers would run on every request; JSON is registered below, and nothing takes forms.
  const app = await NestFactory.create<NestExpressApplication>(appModule, { bufferLogs: true, bodyParser: false });
  const config = app.get<ConfigService<BaseEnvironment, true>>(ConfigService);
  app.useLogger(app.get(Logger));
  // request.ip, against which failed authentications are counted, is the client's only where the proxy is trusted.
  app.set('trust proxy', parseTrustProxy(config.get('TRUST_PROXY', { infer: true })) ?? false);
  app.enableShutdownHooks();
  measureHttpRequests(app);
  app.use((request: IncomingMessage, _response: unknown, next: () => void) => (correlationIdOf(request), next()));
  app.use(logHttpRequests(app.get<PinoRoot>(APP_LOGGER), new RequestLogPolicy(config.get('LOG_REQUEST_SAMPLE_EVERY', { infer: true }))));
  // Before the parser: the body of a client without a good credential is refused unread.
  if (options.credentialCheck) app.use(credentialBeforeBody(options.credentialCheck(app)));
  app.useBodyParser('json', { limit: options.bodyLimit ?? '100kb', verify: verifyUtf8 });
  app.use(answerBodyParserErrors);
  app.use(requireJsonBodies(options.streamedBodies));
  app.use(refuseNulCharacters(options.bodyCheckedElsewhere));
  // Security headers; the dashboard's CSP is set where it is served. No CORS: browsers call same-origin.
  app.use(helmet({ contentSecurityPolicy: false }));
  app.useGlobalFilters(new HttpErrorFilter());
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));

  setUpOpenApi(app, { title: options.title, description: options.description, schemas: options.openApiSchemas });

  await options.configure?.(app);

  await app.listen(config.get('PORT', { infer: true }), config.get('HOST', { infer: true }));
  return app;
}

/** Runs an app's bootstrap and turns a start-up failure (bad env, dependency down) into one clear line and exit 1. */
export function runApp(start: () => Promise<unknown>): void {
  Promise.resolve()
    .then(start)
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`${message}\n`);
      process.exit(1);
    });
}
