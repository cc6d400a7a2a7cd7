import type { HealthEvent } from '@lib/contracts';
import { readCredentialsFile, type DemoCredentials } from './credentials-file';
import { emptyTally, SinkNotReadyError, type EventSink, type SinkTally } from './event-sink';
import { backoffDelay, DEFAULT_BACKOFF, sleep, type BackoffPolicy } from './retry-backoff';

export interface HttpSinkOptions {
  /** Base URL of ingest, e.g. http://127.0.0.1:3001. */
  ingestUrl: string;
  credentialsFile: string;
  /** Events per request (ingest takes up to 1000; 500 is the benchmark's batch). */
  batchSize: number;
  /** Requests in flight at once (one per institution group). */
  concurrency: number;
  backoff?: BackoffPolicy;
  /** Called on each retry, for logs. */
  onRetry?: (reason: string, attempt: number) => void;
}

interface IngestResponse {
  results?: { status: 'accepted' | 'duplicate' | 'rejected'; errors?: { code: string }[] }[];
}

/** A request that may succeed if repeated. */
class TransientError extends Error {}

/**
 * The HTTP door as an institution's system uses it: `POST /v1/events` in batches, each institution
 * with its own API key (a key may only report for its institution, so batches are grouped by it).
 */
export class HttpSink implements EventSink {
  readonly name = 'http';
  private credentials?: DemoCredentials;
  /** Whether ingest answered lately; until it does, a batch is held back rather than spent on retries. */
  private ingestUp = false;
  /** Reasons for rejections seen, for the status page (code → count). */
  readonly rejectionCodes = new Map<string, number>();
  /** The last delivery failure, for the status page. */
  lastError?: string;

  constructor(private readonly options: HttpSinkOptions) {}

  async send(events: HealthEvent[]): Promise<SinkTally> {
    const credentials = await this.loadCredentials();
    await this.ensureIngestUp();
    const tally = emptyTally();
    const requests: { key: string; events: HealthEvent[] }[] = [];
    for (const [institutionId, group] of groupBy(events, (e) => e.institutionId)) {
      const key = credentials.institutions[institutionId];
      if (key === undefined) {
        tally.sent += group.length;
        tally.errors += group.length;
        continue;
      }
      for (let i = 0; i < group.length; i += this.options.batchSize) requests.push({ key, events: group.slice(i, i + this.options.batchSize) });
    }
    let next = 0;
    const worker = async () => {
      while (next < requests.length) {
        const request = requests[next++];
        this.count(tally, request.events.length, await this.post(request.key, request.events));
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency, requests.length) }, worker));
    return tally;
  }

  async close(): Promise<void> {}

  /** Reads the credentials once they exist; re-reads when they did not cover an institution (re-seeded). */
  private async loadCredentials(): Promise<DemoCredentials> {
    this.credentials ??= await readCredentialsFile(this.options.credentialsFile);
    return this.credentials;
  }

  private async ensureIngestUp(): Promise<void> {
    if (this.ingestUp) return;
    try {
      const response = await fetch(`${this.options.ingestUrl}/health`, { signal: AbortSignal.timeout(5000) });
      await response.body?.cancel();
      this.ingestUp = true;
    } catch (error) {
      throw new SinkNotReadyError(`ingest not reachable at ${this.options.ingestUrl} (${failureReason(error)})`);
    }
  }

  /** Forgets the credentials so the next batch reads the file again (after a 401/403: keys re-issued). */
  reloadCredentials(): void {
    this.credentials = undefined;
  }

  private count(tally: SinkTally, size: number, outcome: IngestResponse | Error): void {
    tally.sent += size;
    if (outcome instanceof Error || !Array.isArray(outcome.results)) {
      tally.errors += size;
      this.lastError = outcome instanceof Error ? outcome.message : 'ingest answered without results';
      return;
    }
    for (const result of outcome.results) {
      if (result.status === 'accepted') tally.accepted++;
      else if (result.status === 'duplicate') tally.duplicate++;
      else {
        tally.rejected++;
        for (const e of result.errors ?? []) this.rejectionCodes.set(e.code, (this.rejectionCodes.get(e.code) ?? 0) + 1);
      }
    }
  }

  private async post(key: string, events: HealthEvent[]): Promise<IngestResponse | Error> {
    const policy = this.options.backoff ?? DEFAULT_BACKOFF;
    const body = JSON.stringify({ events });
    let lastError: Error = new Error('not sent');
    for (let attempt = 0; attempt < policy.attempts; attempt++) {
      if (attempt > 0) await sleep(backoffDelay(policy, attempt - 1));
      try {
        return await this.attempt(key, body);
      } catch (error) {
        lastError = error as Error;
        if (!(error instanceof TransientError)) return lastError;
        this.options.onRetry?.(lastError.message, attempt + 1);
      }
    }
    return lastError;
  }

  private async attempt(key: string, body: string): Promise<IngestResponse> {
    let response: Response;
    try {
      response = await fetch(`${this.options.ingestUrl}/v1/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body,
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      this.ingestUp = false;
      throw new TransientError(`ingest unreachable: ${failureReason(error)}`);
    }
    if (response.status === 503 || response.status === 429 || response.status >= 500) {
      await response.body?.cancel();
      throw new TransientError(`ingest answered ${response.status}`);
    }
    if (response.status === 401 || response.status === 403) {
      await response.body?.cancel();
      this.reloadCredentials();
      throw new Error(`ingest refused the key (${response.status}); credentials will be re-read`);
    }
    if (response.status !== 202) throw new Error(`ingest answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
    return (await response.json()) as IngestResponse;
  }
}

/** Why a fetch failed: undici's "fetch failed" keeps the reason (ECONNREFUSED, a reset) in `cause`. */
function failureReason(error: unknown): string {
  const reason = error instanceof Error ? (error.cause ?? error.message) : error;
  return reason instanceof Error || typeof reason === 'string' ? String(reason) : JSON.stringify(reason);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
