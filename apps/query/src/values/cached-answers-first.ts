import type { NextFunction, Request, Response } from 'express';
import { RegistrySnapshot } from '@lib/registry-store';
import { BureauTokenAuthenticator } from '../auth/bureau-token-authenticator';
import { ComputedReadsCache } from '../cache/computed-reads.cache';
import { seriesRequest, seriesKey, valuesKey, valuesRequest } from './read-request';
import type { Series, ValueRow } from './indicator-values.service';
import { wantsCsv, wantsFhir } from './respond';
import { seriesAnswer, valuesAnswer } from './answer-bodies';

/** The reads answered here, by the route template their controller has (the metrics' route label). */
const CACHED_ROUTE = /^\/v1\/indicators\/([^/]+)\/(values|series)$/;
const TEMPLATE = { values: '/v1/indicators/:code/values', series: '/v1/indicators/:code/series' } as const;

/** An answer as sent: its JSON bytes and the ETag Express gives them, made once per cached answer. */
interface Sent {
  body: Buffer;
  etag: string | undefined;
}

export interface CachedAnswersFirstDeps {
  authenticator: BureauTokenAuthenticator;
  registry: RegistrySnapshot;
  cache: ComputedReadsCache;
}

/**
 * Answers a JSON `/values` or `/series` read whose answer is in the computed-reads cache before
 * Nest's router, guards, pipes and serialisation, which cost most of such a read's CPU. It runs after
 * the common middleware (metrics, access log, correlation id, NUL check, helmet) and takes only what it can
 * answer exactly as ValuesController does: a GET with a bearer token resolved within the last minute
 * (the guard's cache; nothing is looked up or counted as a failure here), a request that normalises
 * (scope checked, as the controller does) to a cached key, JSON asked for. Everything else — a miss,
 * CSV or FHIR, any error to answer — goes on to the controller. The answer's bytes and ETag are made
 * once per cached answer, and a conditional GET is answered 304 as Express does.
 */
export function cachedAnswersFirst({ authenticator, registry, cache }: CachedAnswersFirstDeps) {
  const sent = new WeakMap<object, Sent>();

  const answer = (request: Request, code: string, route: 'values' | 'series', scope: string): Sent | undefined => {
    if (route === 'values') {
      const asked = valuesRequest(registry, scope, code, request.query);
      const values = cache.cached<ValueRow[]>(valuesKey(asked));
      return values && memo(values, () => valuesAnswer(asked, values));
    }
    const asked = seriesRequest(registry, scope, code, request.query);
    const series = cache.cached<Series>(seriesKey(asked));
    return series && memo(series, () => seriesAnswer(asked, series));

    // The body depends only on the cache key (see answer-bodies.ts), so it is made once per cached answer.
    function memo(value: object, body: () => object): Sent {
      let made = sent.get(value);
      if (!made) {
        const bytes = Buffer.from(JSON.stringify(body()), 'utf8');
        const etagOf = request.app.get('etag fn') as ((body: Buffer, encoding: string) => string) | undefined;
        made = { body: bytes, etag: etagOf?.(bytes, 'utf8') };
        sent.set(value, made);
      }
      return made;
    }
  };

  return (request: Request, response: Response, next: NextFunction): void => {
    if (request.method !== 'GET') return next();
    const matched = CACHED_ROUTE.exec(request.path);
    if (!matched) return next();
    const route = matched[2] as 'values' | 'series';
    let made: Sent | undefined;
    try {
      const code = decodeURIComponent(matched[1]);
      const scope = authenticator.knownScopeOf(request);
      if (scope === undefined || wantsCsv(request) || wantsFhir(request)) return next();
      made = answer(request, code, route, scope);
    } catch {
      // Whatever the controller would refuse, it refuses itself, with its own answer.
      return next();
    }
    if (!made) return next();

    // The metrics' route label, as the controller's route would have set it.
    (request as { route?: unknown }).route = { path: TEMPLATE[route] };
    response.statusCode = 200;
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    if (made.etag) response.setHeader('ETag', made.etag);
    if (request.fresh) {
      response.statusCode = 304;
      response.end();
    } else {
      response.setHeader('Content-Length', made.body.length);
      response.end(made.body);
    }
  };
}
