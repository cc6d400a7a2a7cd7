/**
 * Exponential backoff with jitter for transient failures (503 "not durable", 429, network errors).
 * The same request is resent — same eventIds — so a retry whose first attempt did land is answered
 * "duplicate", never counted twice.
 */
export interface BackoffPolicy {
  attempts: number;
  initialMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { attempts: 8, initialMs: 200, maxMs: 5000 };

export function backoffDelay(policy: BackoffPolicy, attempt: number): number {
  const base = Math.min(policy.maxMs, policy.initialMs * 2 ** attempt);
  // Jitter spreads retries of many batches apart; timing only, never what is sent.
  return base / 2 + Math.random() * (base / 2);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
