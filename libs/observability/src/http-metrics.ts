import type { INestApplication } from '@nestjs/common';
import { getToken, makeHistogramProvider } from '@willsoto/nestjs-prometheus';
import type { NextFunction, Request, Response } from 'express';
import type { Histogram } from 'prom-client';

export const METRIC_HTTP_REQUEST_DURATION = 'http_request_duration_seconds';

/** Requests no route of the app took (an anonymous body refused unread, an unknown path): one label, not the raw path. */
export const UNROUTED = 'unrouted';

export const HTTP_METRICS = [
  makeHistogramProvider({
    name: METRIC_HTTP_REQUEST_DURATION,
    help: 'HTTP requests by route template, method and status, from arrival to the last byte sent (or the client gone)',
    labelNames: ['route', 'method', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  }),
];

/**
 * Measures every request of the app. Installed as the first Express middleware, so that requests
 * answered before routing (body-parser errors, a credential refused before the body) count too.
 * The route label is the matched template (`/v1/indicators/:code/values`), never the raw path.
 */
export function measureHttpRequests(app: INestApplication): void {
  const histogram = app.get<Histogram>(getToken(METRIC_HTTP_REQUEST_DURATION));
  app.use((request: Request, response: Response, next: NextFunction) => {
    const end = histogram.startTimer();
    response.once('close', () => end({ route: routeOf(request), method: request.method, status: String(response.statusCode) }));
    next();
  });
}

function routeOf(request: Request): string {
  const template = (request.route as { path?: unknown } | undefined)?.path;
  // Nest answers paths no controller has with a catch-all route (`/{*path}`): that is no route either.
  if (typeof template !== 'string' || template.includes('{*')) return UNROUTED;
  return `${request.baseUrl}${template}`;
}
