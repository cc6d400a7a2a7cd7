import { Partitioners } from 'kafkajs';
import type { CanonicalEvent } from '@lib/contracts';
import { createKafkaClient, ensureTopics } from '@lib/kafka';
import { eventually, sleep } from '../support/app-process';
import { compareCounters, referenceCounters } from '../support/reference-counters';
import { AggregatorTestBed } from './support/aggregator-test-bed';
import { runRebuild } from './support/run-rebuild';
import { syntheticLoad } from './support/synthetic-events';

const BEFORE = '96';
const AFTER = '97';
const LATER = '98';

/**
 * The demo stack's failure: the database kept, the broker's log of the canonical topic replaced
 * (here: the topic deleted and recreated, its offsets back at 0). The stored offsets then lie past
 * the new log's end; resuming there would make every new message look applied. The aggregator must
 * refuse — nothing applied, /health down, a metric, one error line — until the operator re-seeds;
 * then the new topic's events count, and events applied before count once.
 */
describe('stored offsets that no longer point into the broker’s log', () => {
  const bed = new AggregatorTestBed('offsets');
  const aggregator = bed.aggregator(3791);
  const kafka = createKafkaClient(bed.env, 'test-offsets');

  beforeAll(() => bed.setup());
  afterAll(async () => {
    await aggregator.stop();
    await bed.teardown();
  });

  it('are refused loudly, and the re-seed command resumes consumption', async () => {
    const first = syntheticLoad(BEFORE, 400, 41).arrival;
    await bed.produce(first);
    await aggregator.start();
    await bed.settled();
    expect(compareCounters(await bed.counters(BEFORE), referenceCounters(first, BEFORE)).lines).toEqual([]);
    await aggregator.stop();
    const storedBefore = await storedOffsets();
    expect(await bed.pool.query('SELECT count(*)::int AS n FROM consumer_offsets WHERE group_id = $1 AND cluster_id IS NULL', [bed.groupId])).toMatchObject({
      rows: [{ n: 0 }],
    });

    await recreateTopic();
    // The new log: new events, and some already applied (a client re-sending): they must not count twice.
    const second = syntheticLoad(AFTER, 60, 42).arrival;
    await produceFresh([...second, ...first.slice(0, 40)]);

    const exited = aggregator.run();
    const health = await refusal();
    expect(health?.body).toMatchObject({ status: 'error', details: { consumerOffsets: { status: 'down' } } });
    const metrics = await (await fetch(`${aggregator.url}/metrics`)).text();
    const refused = metrics.split('\n').find((l) => l.startsWith('aggregator_offsets_refused{') && l.includes(bed.topic));
    expect(Number(refused?.split(' ').pop())).toBeGreaterThan(0);
    await sleep(3000); // time to apply, were it applying
    expect(await bed.counters(AFTER)).toEqual(new Map());
    expect(await storedOffsets()).toEqual(storedBefore);
    const refusals = aggregator.logs.split('\n').filter((l) => l.includes('do not point into the broker'));
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toContain('beyond-log-end');
    expect(refusals[0]).toContain('rebuild.js --reseed-offsets');
    await aggregator.stop();
    await exited;

    const reseed = await runRebuild(bed.env, ['--reseed-offsets']);
    expect(reseed.output).toContain('offsets re-seeded');
    expect(reseed.code).toBe(0);

    await aggregator.start();
    const expected = referenceCounters(second, AFTER);
    await eventually(
      () => bed.counters(AFTER),
      (actual) => compareCounters(actual, expected).lines.length === 0,
      60_000,
    );
    const total = second.length + 40;
    await eventually(
      () => bed.committed(),
      (n) => n >= total,
      30_000,
    );
    expect(compareCounters(await bed.counters(BEFORE), referenceCounters(first, BEFORE)).lines).toEqual([]);
    await eventually(
      () => fetchJson(`${aggregator.url}/health`),
      (h) => h?.status === 200,
      30_000,
    ); // 2 s per try: slow under load

    // Offsets the aggregator accepts are not re-seeded by mistake.
    const again = await runRebuild(bed.env, ['--reseed-offsets']);
    expect(again.output).toContain('the aggregator accepts the stored offsets');
    expect(again.code).toBe(1);
  }, 240_000);

  it('are refused as well when the topic is recreated under a running aggregator', async () => {
    expect(await aggregator.healthy()).toBe(true); // still running from the test above, caught up
    // kafkajs resets a position past the new log's end to the beginning by itself, without a rebalance.
    await recreateTopic();
    const later = syntheticLoad(LATER, 20, 43).arrival;
    await produceFresh(later);

    const health = await refusal();
    expect(health?.body).toMatchObject({ details: { consumerOffsets: { status: 'down' } } });
    expect(aggregator.logs).toContain('do not point into the broker');
    // Unlike at an assignment, a partition whose stored offset still lies inside the new log may
    // have applied its new messages above it before another partition's rewind was noticed: the
    // topic is then refused part-way, and the re-seed re-reads those (the ledger drops them).
    const partial = await bed.counters(LATER);
    expect(compareCounters(partial, referenceCounters(later, LATER)).lines.length).toBeGreaterThan(0);

    const reseed = await runRebuild(bed.env, ['--reseed-offsets']);
    expect(reseed.code).toBe(0);
    await aggregator.stop();
    await aggregator.start();
    const expected = referenceCounters(later, LATER);
    await eventually(
      () => bed.counters(LATER),
      (actual) => compareCounters(actual, expected).lines.length === 0,
      60_000,
    );
  }, 300_000);

  /**
   * The aggregator's health once it turns red. kafkajs learns of a recreated topic through fetch
   * errors and metadata refreshes, with backoff: seconds on a quiet box, over a minute once beside
   * the demo and a parallel suite.
   */
  function refusal() {
    return eventually(
      () => fetchJson(`${aggregator.url}/health`),
      (h) => h?.status === 503,
      150_000,
    );
  }

  async function storedOffsets(): Promise<Array<{ partition: number; next_offset: string }>> {
    const { rows } = await bed.pool.query('SELECT partition, next_offset FROM consumer_offsets WHERE group_id = $1 AND topic = $2 ORDER BY partition', [
      bed.groupId,
      bed.topic,
    ]);
    return rows;
  }

  async function recreateTopic(): Promise<void> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      await admin.deleteTopics({ topics: [bed.topic] });
      await eventually(
        () => admin.listTopics(),
        (topics) => !topics.includes(bed.topic),
        30_000,
      );
    } finally {
      await admin.disconnect();
    }
    // The deletion completes asynchronously on the broker: creating may fail for a moment.
    for (let attempt = 1; ; attempt++) {
      try {
        await ensureTopics(kafka, bed.env.KAFKA_TOPIC_PREFIX, 1);
        return;
      } catch (error) {
        if (attempt >= 10) throw error;
        await sleep(1000);
      }
    }
  }

  /** A new producer: the bed's idempotent one carries sequence numbers of the deleted partitions. */
  async function produceFresh(events: readonly CanonicalEvent[]): Promise<void> {
    const producer = kafka.producer({ idempotent: true, createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    try {
      await producer.send({ topic: bed.topic, acks: -1, messages: events.map((e) => ({ key: e.institution.county, value: JSON.stringify(e) })) });
    } finally {
      await producer.disconnect();
    }
  }
});

async function fetchJson(url: string): Promise<{ status: number; body: unknown } | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return { status: response.status, body: await response.json() };
  } catch {
    return undefined;
  }
}
