import { Type } from 'class-transformer';
import { IsInt, IsUrl, Max, Min } from 'class-validator';
import { BaseEnvironment } from '@lib/config';

/** Variables of the query app (see .env.example and apps/query/README.md). */
export class QueryEnvironment extends BaseEnvironment {
  override PORT: number = 3002;

  /** Longest a provenance statement may run before PostgreSQL cancels it (the request answers 503). */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(600_000)
  PROVENANCE_STATEMENT_TIMEOUT_MS: number = 5000;

  /**
   * The address bureaus reach this API at (scheme, host, optional path prefix), written into FHIR
   * resource URLs. Configured, never taken from the request's Host header, which the caller controls.
   */
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }, { message: 'PUBLIC_BASE_URL must be an http(s) URL' })
  PUBLIC_BASE_URL = 'http://127.0.0.1:3002';

  /** Live streams one bureau token may hold open at once. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  STREAM_MAX_PER_TOKEN: number = 5;

  /** Live streams the process holds open at once, all tokens together. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  STREAM_MAX_TOTAL: number = 500;

  /** Seconds between checks that an open stream's token is still valid; a revoked token ends its streams. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3600)
  STREAM_REAUTH_SECONDS: number = 30;

  /**
   * The live stream gathers changes this long (ms) and reads each changed cell once per window; a
   * subscribed stream (`cells=`) sends a connection's changed cells in one message: at most
   * 1000/STREAM_COALESCE_MS messages/s.
   */
  @Type(() => Number)
  @IsInt()
  @Min(50)
  @Max(5000)
  STREAM_COALESCE_MS: number = 250;

  /** Seconds between `ping` events on an open stream: shorter than any proxy's idle timeout on the way. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(300)
  STREAM_KEEPALIVE_SECONDS: number = 15;

  /**
   * Longest life of a computed answer (ms): what time alone changes — a pro-rata target, a status at a
   * period boundary — is at most this old. 0 keeps no answers.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(600_000)
  QUERY_CACHE_TTL_MS: number = 5_000;

  /** Computed answers kept (least recently used dropped first). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  QUERY_CACHE_MAX_ENTRIES: number = 10_000;

  /** Bound on the kept answers' serialised size plus their index (bytes). */
  @Type(() => Number)
  @IsInt()
  @Min(1_048_576)
  @Max(4_294_967_296)
  QUERY_CACHE_MAX_BYTES: number = 67_108_864;

  /**
   * Longest the target list is kept (ms) when no change notification says otherwise: the bound on a
   * target change whose notification was lost.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  @Max(3_600_000)
  QUERY_TARGETS_REFRESH_MS: number = 30_000;
}
