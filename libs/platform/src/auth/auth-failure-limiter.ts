import { HttpException, HttpStatus } from '@nestjs/common';

const WINDOW_MS = 60_000;
const MAX_FAILURES = 20;
const MAX_TRACKED = 50_000;

/**
 * Brute-force protection for API keys and bureau tokens: a client (IP) with more than 20 failed
 * authentications in a minute is answered 429 until the minute is over, before any lookup. Per
 * process; the per-key request limits apply to authenticated traffic separately.
 */
export class AuthFailureLimiter {
  private readonly failures = new Map<string, { count: number; since: number }>();

  assertAllowed(client: string, now = Date.now()): void {
    const entry = this.failures.get(client);
    if (entry && now - entry.since < WINDOW_MS && entry.count >= MAX_FAILURES) {
      throw new HttpException({ code: 'too_many_auth_failures', message: 'Too many failed authentications; retry in a minute' }, HttpStatus.TOO_MANY_REQUESTS);
    }
  }

  recordFailure(client: string, now = Date.now()): void {
    const entry = this.failures.get(client);
    if (!entry || now - entry.since >= WINDOW_MS) {
      if (this.failures.size >= MAX_TRACKED) this.failures.clear();
      this.failures.set(client, { count: 1, since: now });
    } else {
      entry.count += 1;
    }
  }
}
