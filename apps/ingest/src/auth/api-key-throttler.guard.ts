import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { bearerToken } from '@lib/platform';

/**
 * Rate limits per API key (not per IP: many clinics sit behind one provincial gateway), kept in a
 * token bucket per key (TokenBucketStorage). Counters are per process; several ingest replicas each
 * allow the limit. The throttler stores a SHA-256 of the tracker, never the key itself.
 */
@Injectable()
export class ApiKeyThrottlerGuard extends ThrottlerGuard {
  protected override getTracker(request: Record<string, unknown>): Promise<string> {
    const key = bearerToken(request as { headers: { authorization?: string } });
    return Promise.resolve(key ?? String(request.ip));
  }
}
