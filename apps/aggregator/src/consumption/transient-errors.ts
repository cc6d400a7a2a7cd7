/**
 * PostgreSQL errors after which the same transaction may simply be run again: a serialization
 * failure (40001) or a detected deadlock (40P01). Batches of different partitions may meet on shared
 * subjects and counter rows; locks are taken in one order, so these should be rare, not impossible.
 */
const TRANSIENT_SQLSTATES = new Set(['40001', '40P01']);

export function isTransientDatabaseError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && TRANSIENT_SQLSTATES.has(String((error as { code?: unknown }).code));
}

/** Runs `work`, again after a short jittered pause while it fails transiently, at most `attempts` times. */
export async function retryTransient<T>(work: () => Promise<T>, onRetry: (error: unknown) => void, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isTransientDatabaseError(error)) throw error;
      onRetry(error);
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 50));
    }
  }
}
