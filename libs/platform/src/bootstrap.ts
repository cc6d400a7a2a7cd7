import 'reflect-metadata';
import type { IncomingMessage } from 'node:http';
import helmet from '@fastify/helmet';
import { Type, ValidationPipe } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { getToken } from '@willsoto/nestjs-prometheus';
import { Logger } from 'nestjs-pino';
import type { Logger as PinoRoot } from 'pino';
import type { Histogram } from 'prom-client';
import { BaseEnvironment, parseTrustProxy } from '@lib/config';
import {
  APP_LOGGER,
  correlationIdOf,
  inRequestContext,
  logHttpRequests,
  measureHttpRequests,
  METRIC_HTTP_REQUEST_DURATION,
  RequestLogPolicy,
} from '@lib/observability';
import { answerConditionalGets } from './conditional-get';
import { credentialBeforeBody, type CredentialCheck } from './credential-before-body';
import { HttpErrorFilter } from './http-error.filter';
import { bytesOf, parseJsonBodies } from './json-body';
import { requireJsonBodies } from './json-only';
import { refuseNulCharacters } from './nul-characters';
import { setUpOpenApi } from './openapi';
import { drainUnreadBodies } from './unread-body';

/**
 * How long an idle connection is kept for the client's next request (Fastify's default). Longer than
 * the idle timeout of the clients that keep connections, so that it is the client that closes an idle
 * one and none reuses a connection the app is closing at that moment (a POST lost to a reset, or
 * answered 502 by a proxy): ingress-nginx and cloud load balancers keep upstream connections 60 s and
 * do not read `Keep-Alive: timeout=72`; Node's agent and fetch (undici) close 1 s before it, or sooner
 * by their own limit. A client posting one event at a time keeps its connection between events. A
 * half-read connection does not wait for it: after the answer the rest of an unread body is drained,
 * or the connection closed (drainUnreadBodies).
 */
const KEEP_ALIVE_TIMEOUT_MS = 72_000;

export interface HttpAppOptions {
  title: string;
  description: string;
  /** Largest JSON body accepted (e.g. '4mb', after decompression too); 100kb by default. */
  bodyLimit?: string;
  /**
   * For apps whose every route with a body takes a bearer credential: the check of a request's
   * credential (its route guard's), made before its body is read (see credentialBeforeBody).
   */
  credentialCheck?: (app: NestFastifyApplication) => CredentialCheck;
  /** Paths whose bodies are validated item by item, NUL characters included (ingest's events). */
  bodyCheckedElsewhere?: readonly string[];
  /** Paths whose routes read their bodies as streams in their own media types (not JSON). */
  streamedBodies?: readonly string[];
  /** Named OpenAPI schemas not generated from a DTO class (see setUpOpenApi). */
  openApiSchemas?: Record<string, SchemaObject>;
  /** Anything app-specific to do before listening (extra hooks, a microservice...). */
  configure?: (app: NestFastifyApplication) => void | Promise<void>;
}

/**
 * Starts one of the project's HTTP apps the same way everywhere, on Fastify: metrics and access log,
 * the rest of a body left unread drained after the answer, security headers, the credential checked
 * before a body is read, JSON-only bodies without NUL characters, conditional GETs, validation,
 * OpenAPI at /docs (JSON at /docs-json), graceful shutdown, then listen on HOST:PORT from the
 * validated config. Each edge rule is a Fastify hook, in the order listed (no Express-style
 * middleware: none is registered, so Fastify's middie is skipped).
 */
export async function bootstrapHttpApp(appModule: Type<unknown>, options: HttpAppOptions): Promise<NestFastifyApplication> {
  // Fastify takes it before Nest reads the config; an invalid value stops the app there, with every other problem of its environment.
  const trustProxy = parseTrustProxy(process.env.TRUST_PROXY || 'false') ?? false;
  const bodyLimit = bytesOf(options.bodyLimit ?? '100kb');
  const adapter = new FastifyAdapter({
    // The correlation id is Fastify's request id: the caller's X-Request-Id, or a fresh one.
    genReqId: (request: IncomingMessage) => correlationIdOf(request),
    // request.ip, against which failed authentications are counted, is the client's only where the proxy is trusted.
    trustProxy,
    // As Express routed: `/v1/indicators/` is `/v1/indicators`, and a long path parameter is the route's to refuse.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 2048 },
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
    skipMiddie: true,
  });
  // bodyParser off: Nest would register Fastify's JSON and form parsers; parseJsonBodies registers the one this project takes.
  const app = await NestFactory.create<NestFastifyApplication>(appModule, adapter, { bufferLogs: true, bodyParser: false });
  const config = app.get<ConfigService<BaseEnvironment, true>>(ConfigService);
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();

  const fastify = adapter.getInstance();
  measureHttpRequests(fastify, app.get<Histogram>(getToken(METRIC_HTTP_REQUEST_DURATION)));
  const accessLog = logHttpRequests(app.get<PinoRoot>(APP_LOGGER), new RequestLogPolicy(config.get('LOG_REQUEST_SAMPLE_EVERY', { infer: true })));
  fastify.addHook('onRequest', (request, reply, done) => accessLog(request.raw, reply.raw, done));
  // A body its route or a hook did not read to the end does not hold the connection after the answer.
  drainUnreadBodies(fastify);
  // Security headers on every answer; the dashboard's CSP is set where it is served. No CORS: browsers call same-origin.
  await app.register(helmet, { contentSecurityPolicy: false });
  // Before the body is read: the body of a client without a good credential is refused unread.
  if (options.credentialCheck) fastify.addHook('onRequest', credentialBeforeBody(options.credentialCheck(app)));
  fastify.addHook('onRequest', requireJsonBodies(options.streamedBodies));
  const nul = refuseNulCharacters(options.bodyCheckedElsewhere);
  fastify.addHook('onRequest', nul.inUrl);
  parseJsonBodies(fastify, bodyLimit);
  fastify.addHook('preValidation', nul.inBody);
  fastify.addHook('preHandler', (request, _reply, done) => inRequestContext(request.raw, done));
  fastify.addHook('onSend', answerConditionalGets);
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
