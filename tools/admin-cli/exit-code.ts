import { AdminApiError } from './admin-client';
import { UsageError } from './arguments';

/**
 * How an admin command line ends on an error: the usage on a usage error (exit 2), the admin API's
 * code and first problems on a refusal, the message otherwise (exit 1).
 */
export function reportFailure(error: unknown, usage: string, err: (message: string) => void): number {
  if (error instanceof UsageError) {
    err(`${error.message}\n\n${usage}`);
    return 2;
  }
  if (error instanceof AdminApiError) {
    err(`error: ${error.code}: ${error.message}`);
    for (const problem of (error.errors ?? []).slice(0, 20)) err(`  ${JSON.stringify(problem)}`);
    return 1;
  }
  err(`error: ${error instanceof Error ? error.message : String(error)}`);
  return 1;
}
