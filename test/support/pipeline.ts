import { Pool } from 'pg';
import type { HealthEvent } from '@lib/contracts';
import { AppProcess } from './app-process';
import { issueApiKey, seedRegistry } from './registry-fixture';
import { testEnvironment } from './test-environment';

/**
 * The whole path an event takes — ingest → Kafka → aggregator → PostgreSQL/Redis → query — as real
 * processes on this test file's own infrastructure, with the demo registry seeded.
 */
export class Pipeline {
  readonly env = testEnvironment();
  readonly pool = new Pool({ connectionString: this.env.DATABASE_URL });
  readonly ingest: AppProcess;
  readonly aggregator: AppProcess;
  readonly query: AppProcess;

  /** @param firstPort ingest's port; the aggregator and query take the next two. */
  constructor(firstPort: number, queryEnvironment: Record<string, string> = {}) {
    this.ingest = new AppProcess('ingest', firstPort, { RAW_DOOR_ENABLED: 'false' });
    this.aggregator = new AppProcess('aggregator', firstPort + 1);
    this.query = new AppProcess('query', firstPort + 2, queryEnvironment);
  }

  async start(): Promise<void> {
    await seedRegistry(this.pool);
    await Promise.all([this.ingest, this.aggregator, this.query].map((app) => app.start()));
  }

  async stop(): Promise<void> {
    await Promise.all([this.ingest, this.aggregator, this.query].map((app) => app.stop()));
    await this.pool.end();
  }

  /** Posts each event with its institution's own API key; returns the HTTP statuses. */
  async report(events: HealthEvent[]): Promise<number[]> {
    const statuses: number[] = [];
    for (const event of events) {
      const response = await fetch(`${this.ingest.url}/v1/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await issueApiKey(this.pool, event.institutionId)}` },
        body: JSON.stringify(event),
      });
      statuses.push(response.status);
    }
    return statuses;
  }
}
