import { HttpException, HttpStatus, Logger } from '@nestjs/common';
import { Counter } from 'prom-client';
import { AuthFailureLimiter, claimedIdentity, FailedAttempt, MAX_FAILURES_PER_MINUTE } from './auth-failure-limiter';

describe('AuthFailureLimiter', () => {
  beforeAll(() => Logger.overrideLogger(false));
  const unauthorized = { code: 'invalid_api_key', message: 'unknown key' } as const;
  const limiter = () => new AuthFailureLimiter(new Counter({ name: 'auth_failures_spec', help: 'spec', labelNames: ['credential', 'answer'], registers: [] }));
  /** The status a failed attempt is answered with, and the Retry-After it sets. */
  const answer = (l: AuthFailureLimiter, attempt: FailedAttempt, now: number): { status: number; retryAfter?: string } => {
    const headers: Record<string, string> = {};
    try {
      l.reject(attempt, unauthorized, { header: (name, value) => (headers[name] = value) }, now);
    } catch (error) {
      return { status: (error as HttpException).getStatus(), retryAfter: headers['Retry-After'] };
    }
    throw new Error('reject() returned');
  };
  const guess = (i: number, source = '10.0.0.1'): FailedAttempt => ({
    credential: 'api_key',
    identity: claimedIdentity(`hik_${i.toString(36).padStart(8, 'x')}rest`),
    source,
  });

  it('answers 401 to the first 20 failures of a source a minute, 429 with Retry-After after, and forgives after the minute', () => {
    const l = limiter();
    const statuses = Array.from({ length: MAX_FAILURES_PER_MINUTE + 3 }, (_, i) => answer(l, guess(i), 1000 + i).status);
    expect(statuses.slice(0, MAX_FAILURES_PER_MINUTE)).toEqual(Array(MAX_FAILURES_PER_MINUTE).fill(HttpStatus.UNAUTHORIZED));
    expect(statuses.slice(MAX_FAILURES_PER_MINUTE)).toEqual([429, 429, 429]);
    expect(answer(l, guess(99), 31_000).retryAfter).toBe('30');
    expect(answer(l, guess(99, '10.0.0.2'), 31_000).status).toBe(401); // another source is not this one
    expect(answer(l, guess(100), 1000 + 60_000).status).toBe(401);
  });

  it('counts the failures against one identity whatever their sources', () => {
    const l = limiter();
    const target = (i: number): FailedAttempt => ({ credential: 'bureau_token', identity: 'hbt_AbCdEfGh', source: `198.51.100.${i}` });
    const statuses = Array.from({ length: MAX_FAILURES_PER_MINUTE + 2 }, (_, i) => answer(l, target(i), 5000).status);
    expect(statuses.slice(-2)).toEqual([429, 429]);
    // The same prefix of another kind of credential is another identity.
    expect(answer(l, { credential: 'api_key', identity: 'hbt_AbCdEfGh', source: '198.51.100.200' }, 5000).status).toBe(401);
  });

  it('does not let guesses at ever new identities crowd out the count of their source', () => {
    const l = limiter();
    for (let i = 0; i < 60_000; i++) answer(l, guess(i, `10.1.${i % 250}.${i % 199}`), 0);
    const statuses = Array.from({ length: MAX_FAILURES_PER_MINUTE + 1 }, (_, i) => answer(l, guess(100_000 + i, '10.9.9.9'), 1).status);
    expect(statuses.at(-1)).toBe(429);
  });

  it('names the claimed identity by the first characters only', () => {
    expect(claimedIdentity('hik_ABCDEFGHsecret-part')).toBe('hik_ABCDEFGH');
  });
});
