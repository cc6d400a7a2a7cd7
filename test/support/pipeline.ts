import { Partitioners, Producer } from 'kafkajs';
import { Pool } from 'pg';
import type { HealthEvent } from '@lib/contracts';
import type { IndicatorChangeMessage } from '@lib/indicator-readings';
import { createKafkaClient, TOPICS } from '@lib/kafka';
import { AppProcess } from './app-process';
import { storedPeriodOf, writeCounters } from './counters-fixture';
import { issueApiKey, seedRegistry } from './registry-fixture';
import { testEnvironment } from './test-environment';

type PipelineApp = 'ingest' | 'aggregator' | 'query';

/**
 * The whole path an event takes — ingest → Kafka → aggregator → PostgreSQL/Redis → query — as real
 * processes on this test file's own infrastructure, with the demo registry seeded. A suite starts
 * the apps it needs (query alone, fed by `announce`, for the stream's tests); `stop` stops them all.
 */
export class Pipeline {
  readonly env = testEnvironment();
  readonly pool = new Pool({ connectionString: this.env.DATABASE_URL });
  readonly ingest: AppProcess;
  readonly aggregator: AppProcess;
  readonly query: AppProcess;
  private producer?: Promise<Producer>;

  /** @param firstPort ingest's port; the aggregator and query take the next two. */
  constructor(firstPort: number, queryEnvironment: Record<string, string> = {}) {
    this.ingest = new AppProcess('ingest', firstPort, { RAW_DOOR_ENABLED: 'false' });
    this.aggregator = new AppProcess('aggregator', firstPort + 1);
    this.query = new AppProcess('query', firstPort + 2, queryEnvironment);
  }

  async start(apps: readonly PipelineApp[] = ['ingest', 'aggregator', 'query']): Promise<void> {
    await seedRegistry(this.pool);
    await Promise.all(apps.map((app) => this[app].start()));
  }

  async stop(): Promise<void> {
    await Promise.all([this.ingest, this.aggregator, this.query].map((app) => app.stop()));
    await (await this.producer)?.disconnect();
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

  /**
   * Does what the aggregator does on a commit, without it: writes the change's counters, then announces
   * it on the change feed — a quarter's, year's or week's value on the period it is stored at (`storedPeriodOf`).
   */
  async announce(change: IndicatorChangeMessage): Promise<void> {
    const { indicator, level, region, dims } = change;
    const periods: IndicatorChangeMessage['periods'] = {};
    for (const [period, measures] of Object.entries(change.periods)) periods[storedPeriodOf(indicator, period)] = measures;
    await writeCounters(
      this.pool,
      Object.entries(periods).flatMap(([period, measures]) =>
        Object.entries(measures).map(([measure, value]) => ({ indicator, level, region, dims, measure, period, value })),
      ),
    );
    this.producer ??= this.connectProducer();
    await (
      await this.producer
    ).send({ topic: this.env.KAFKA_TOPIC_PREFIX + TOPICS.indicatorChanges, messages: [{ key: region, value: JSON.stringify({ ...change, periods }) }] });
  }

  private async connectProducer(): Promise<Producer> {
    const producer = createKafkaClient(this.env, `pipeline-${this.query.port}`).producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    return producer;
  }
}
