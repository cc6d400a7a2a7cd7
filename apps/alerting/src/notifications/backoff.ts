/**
 * Delay before retry number `attempt` (1 = the first retry): base · 2^(attempt−1), capped. No jitter:
 * deliveries are already spread by when their alerts fired, and a fixed schedule is easy to explain
 * to a bureau ("we try again after 2 s, 4 s, 8 s …").
 */
export function backoffMs(attempt: number, baseMs: number, maxMs: number): number {
  if (attempt < 1) return 0;
  return Math.min(maxMs, baseMs * 2 ** Math.min(attempt - 1, 30));
}

/** What to do after a failed attempt: retry later, or give up to the dead-letter list. */
export function afterFailure(
  attemptsMade: number,
  maxAttempts: number,
  baseMs: number,
  maxMs: number,
): { deadLetter: true } | { deadLetter: false; retryInMs: number } {
  if (attemptsMade >= maxAttempts) return { deadLetter: true };
  return { deadLetter: false, retryInMs: backoffMs(attemptsMade, baseMs, maxMs) };
}
