import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { correlationIdOf } from './correlation-id';

/** Paths never logged as requests: health probes and scrapes every few seconds would drown the useful lines. */
const UNLOGGED_PATHS = /^\/(health|metrics)/;

/** EventSource clients pass bureau tokens as `?token=`: never let one reach a log line. */
export function withoutSecrets(url: string): string {
  return url.replace(/([?&](?:token|key|api_key|access_token)=)[^&#]*/gi, '$1[redacted]');
}

/** The request being handled, so that a line written while handling it carries its correlation id. */
const currentRequest = new AsyncLocalStorage<IncomingMessage>();

/** pino's mixin: the correlation id of the request a line is written for (nothing outside a request). */
export function correlationOfCurrentRequest(): { correlationId?: string } {
  const request = currentRequest.getStore();
  return request === undefined ? {} : { correlationId: correlationIdOf(request) };
}

/** What the access log writes of a finished (or abandoned) request, and at which level. */
export type RequestLogLine =
  | { level: 'error'; message: 'request errored' }
  | { level: 'warn'; message: 'request aborted' }
  | { level: 'info'; message: 'request completed'; sampled?: number }
  | undefined;

/**
 * Which requests get a line: every answer ≥ 400 (5xx as errors) and every request abandoned before
 * its answer was sent; of the others, one in `sampleEvery` (the n-th of a process, counting from 1),
 * marked `sampled: sampleEvery`, the number of requests it stands for. Counts, rates and durations of
 * all of them are the metrics' (http_request_duration_seconds), not the log's.
 */
export class RequestLogPolicy {
  private answered = 0;

  constructor(private readonly sampleEvery: number) {}

  lineFor(status: number, finished: boolean): RequestLogLine {
    if (status >= 500) return { level: 'error', message: 'request errored' };
    if (!finished) return { level: 'warn', message: 'request aborted' };
    if (status >= 400) return { level: 'info', message: 'request completed' };
    if (this.sampleEvery === 0) return undefined;
    this.answered = (this.answered % this.sampleEvery) + 1;
    if (this.answered !== 1) return undefined;
    return this.sampleEvery === 1
      ? { level: 'info', message: 'request completed' }
      : { level: 'info', message: 'request completed', sampled: this.sampleEvery };
  }
}

/**
 * The access log, run by the app's first hooks after the metrics: every request is seen, those
 * answered before their handler included (a body refused unread, a cached answer sent before Nest). Nothing
 * is made per request unless a line is written: no child logger, no serialised request. Also runs the
 * rest of the request in the context that gives the lines written meanwhile its correlation id.
 */
export function logHttpRequests(logger: Logger, policy: RequestLogPolicy) {
  return (request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    if (!UNLOGGED_PATHS.test(request.url ?? '')) {
      const started = performance.now();
      response.once('close', () => {
        const line = policy.lineFor(response.statusCode, response.writableFinished);
        if (line === undefined || !logger.isLevelEnabled(line.level)) return;
        const id = correlationIdOf(request);
        logger[line.level](
          {
            req: { id, method: request.method, url: withoutSecrets(request.url ?? '') },
            correlationId: id,
            res: { statusCode: response.statusCode },
            responseTime: Math.round(performance.now() - started),
            ...(line.level === 'info' && line.sampled !== undefined && { sampled: line.sampled }),
          },
          line.message,
        );
      });
    }
    currentRequest.run(request, next);
  };
}

/**
 * Runs `next` in the context of `request` (see logHttpRequests). For the hook just before a route's
 * handler: a body is read in the connection's context, which loses the one the access log set.
 */
export function inRequestContext(request: IncomingMessage, next: () => void): void {
  currentRequest.run(request, next);
}
