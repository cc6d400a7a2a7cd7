import { Injectable, Logger } from '@nestjs/common';
import { InjectMetric, makeCounterProvider } from '@willsoto/nestjs-prometheus';
import { Counter } from 'prom-client';
import { ApiError, type ApiErrorReason } from '../errors/api-error';

const WINDOW_MS = 60_000;
/** Failed attempts a minute one identity, or one source, may make before its failures are answered 429. */
export const MAX_FAILURES_PER_MINUTE = 20;
const MAX_TRACKED = 50_000;
/** Characters of a presented secret that name whose it claims to be: `hik_`/`hbt_` and 8 of its random ones. */
const CLAIMED_PREFIX_LENGTH = 12;

export const METRIC_AUTH_FAILURES = 'auth_failures_total';
export const AUTH_FAILURE_METRICS = [
  makeCounterProvider({
    name: METRIC_AUTH_FAILURES,
    help: 'Failed authentications, by credential kind and answer (401, or 429 once the identity or source is over its limit)',
    labelNames: ['credential', 'answer'],
  }),
];

export type CredentialKind = 'api_key' | 'bureau_token' | 'admin_token';

export interface FailedAttempt {
  credential: CredentialKind;
  /** Whose credential the attempt claimed to present (see claimedIdentity). */
  identity: string;
  /** The client address (request.ip: the X-Forwarded-For hop TRUST_PROXY allows, else the peer). */
  source: string;
}

/** What an API key or bureau token claims to be: its first characters (the rest is the secret proper). */
export function claimedIdentity(secret: string): string {
  return secret.slice(0, CLAIMED_PREFIX_LENGTH);
}

/** Something that can carry Retry-After on a 429 (Fastify's reply). */
export interface HeaderSink {
  header(name: string, value: string): unknown;
}

/**
 * Failed authentications counted per claimed identity and per source. Only failing attempts are
 * counted and only failing attempts are refused: a credential is always looked up, and a valid one
 * passes whoever else fails from its address or against its prefix, so nobody can lock institutions
 * or bureaus out by guessing. Past 20 failures a minute (identity or source), failures are answered
 * 429 with Retry-After instead of 401, counted and logged once. Guessing itself is hopeless: API keys
 * and bureau tokens carry 256 random bits, the admin token at least 32 characters. Per process.
 */
@Injectable()
export class AuthFailureLimiter {
  private readonly logger = new Logger(AuthFailureLimiter.name);
  // Apart, so that guesses at ever new identities (random keys) cannot crowd out the count of their source.
  private readonly identities = new FailureWindows();
  private readonly sources = new FailureWindows();

  constructor(@InjectMetric(METRIC_AUTH_FAILURES) private readonly failures: Counter) {}

  /** Counts the failed attempt and throws its answer: 401 with `unauthorized`, or 429 when over the limit. */
  reject(attempt: FailedAttempt, unauthorized: ApiErrorReason, response?: HeaderSink, now = Date.now()): never {
    const byIdentity = this.identities.count(`identity ${attempt.credential} ${attempt.identity}`, now);
    const bySource = this.sources.count(`source ${attempt.source}`, now);
    const over = [byIdentity, bySource].filter((window) => window.count > MAX_FAILURES_PER_MINUTE);
    this.failures.inc({ credential: attempt.credential, answer: over.length > 0 ? '429' : '401' });
    if (over.length === 0) throw ApiError.of(unauthorized);
    for (const window of over) {
      if (window.count === MAX_FAILURES_PER_MINUTE + 1)
        this.logger.warn(`More than ${MAX_FAILURES_PER_MINUTE} failed authentications a minute: ${window.key} (${attempt.credential})`);
    }
    const retryAfterMs = Math.max(...over.map((window) => window.since + WINDOW_MS - now));
    response?.header('Retry-After', String(Math.max(1, Math.ceil(retryAfterMs / 1000))));
    throw new ApiError(
      'too_many_auth_failures',
      'Too many failed authentications from this client or for this credential; a valid credential is still accepted',
    );
  }
}

/** Failure counts in fixed one-minute windows, bounded in size. */
class FailureWindows {
  private readonly windows = new Map<string, { count: number; since: number }>();

  count(key: string, now: number): { key: string; count: number; since: number } {
    const window = this.windows.get(key);
    if (window && now - window.since < WINDOW_MS) {
      window.count += 1;
      return { key, ...window };
    }
    if (this.windows.size >= MAX_TRACKED) this.forgetExpired(now);
    this.windows.set(key, { count: 1, since: now });
    return { key, count: 1, since: now };
  }

  private forgetExpired(now: number): void {
    for (const [key, window] of this.windows) if (now - window.since >= WINDOW_MS) this.windows.delete(key);
    if (this.windows.size >= MAX_TRACKED) this.windows.clear();
  }
}
