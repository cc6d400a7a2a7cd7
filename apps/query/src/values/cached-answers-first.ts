import type { FastifyReply, FastifyRequest } from 'fastify';
import { etagOf } from '@lib/platform';
import { RegistrySnapshot } from '@lib/registry-store';
import { BureauTokenAuthenticator } from '../auth/bureau-token-authenticator';
import { ComputedReadsCache } from '../cache/computed-reads.cache';
import { seriesRequest, seriesKey, valuesKey, valuesRequest } from './read-request';
import type { Series, ValueRow } from './indicator-values.service';
import { wantsCsv, wantsFhir } from './respond';
import { seriesAnswer, valuesAnswer } from './answer-bodies';

/** The reads answered here, by the route templates of their controller. */
const CACHED_ROUTES = { '/v1/indicators/:code/values': 'values', '/v1/indicators/:code/series': 'series' } as const;

/** An answer as sent: its JSON bytes and their ETag, made once per cached answer. */
interface Sent {
  body: Buffer;
  etag: string;
}

export interface CachedAnswersFirstDeps {
  authenticator: BureauTokenAuthenticator;
  registry: RegistrySnapshot;
  cache: ComputedReadsCache;
}

/**
 * Answers a JSON `/values` or `/series` read whose answer is in the computed-reads cache before
 * Nest's guards, pipes and serialisation, which cost most of such a read's CPU: an `onRequest` hook
 * after the common ones (metrics, access log, correlation id, helmet, NUL check). It takes only what it
 * can answer exactly as ValuesController does: a GET with a bearer token resolved within the last minute
 * (the guard's cache; nothing is looked up or counted as a failure here), a request that normalises
 * (scope checked, as the controller does) to a cached key, JSON asked for. Everything else — a miss,
 * CSV or FHIR, any error to answer — goes on to the controller. The answer's bytes and ETag are made
 * once per cached answer; a conditional GET is answered 304 by the same hook as the controller's
 * answers (answerConditionalGets).
 */
export function cachedAnswersFirst({ authenticator, registry, cache }: CachedAnswersFirstDeps) {
  const sent = new WeakMap<object, Sent>();

  const answer = (query: Record<string, unknown>, code: string, route: 'values' | 'series', scope: string): Sent | undefined => {
    if (route === 'values') {
      const asked = valuesRequest(registry, scope, code, query);
      const values = cache.cached<ValueRow[]>(valuesKey(asked));
      return values && memo(values, () => valuesAnswer(asked, values));
    }
    const asked = seriesRequest(registry, scope, code, query);
    const series = cache.cached<Series>(seriesKey(asked));
    return series && memo(series, () => seriesAnswer(asked, series));

    // The body depends only on the cache key (see answer-bodies.ts), so it is made once per cached answer.
    function memo(value: object, body: () => object): Sent {
      let made = sent.get(value);
      if (!made) {
        const bytes = Buffer.from(JSON.stringify(body()), 'utf8');
        made = { body: bytes, etag: etagOf(bytes) };
        sent.set(value, made);
      }
      return made;
    }
  };

  return (request: FastifyRequest, reply: FastifyReply, done: () => void): void => {
    if (request.method !== 'GET') return done();
    const route = CACHED_ROUTES[request.routeOptions.url as keyof typeof CACHED_ROUTES];
    if (route === undefined) return done();
    let made: Sent | undefined;
    try {
      const scope = authenticator.knownScopeOf(request);
      if (scope === undefined || wantsCsv(request) || wantsFhir(request)) return done();
      made = answer(request.query as Record<string, unknown>, (request.params as { code: string }).code, route, scope);
    } catch {
      // Whatever the controller would refuse, it refuses itself, with its own answer.
      return done();
    }
    if (!made) return done();
    reply.code(200).type('application/json; charset=utf-8').header('etag', made.etag).send(made.body);
  };
}
