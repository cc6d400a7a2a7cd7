import { AggregatorTestBed } from './support/aggregator-test-bed';
import { syntheticLoad } from './support/synthetic-events';

/**
 * Throughput, measured not asserted (a 2-core box shared with the broker and PostgreSQL is noisy):
 * THROUGHPUT_EVENTS messages pre-loaded in the topic, one aggregator started, time from healthy until
 * every offset is committed. Skipped unless THROUGHPUT_EVENTS is set, e.g. THROUGHPUT_EVENTS=100000.
 */
const EVENTS = Number(process.env.THROUGHPUT_EVENTS ?? 0);
const maybe = EVENTS > 0 ? describe : describe.skip;

maybe('throughput of one aggregator process', () => {
  const bed = new AggregatorTestBed('throughput');
  const aggregator = bed.aggregator(3941, process.env.THROUGHPUT_NODE_OPTIONS ? { NODE_OPTIONS: process.env.THROUGHPUT_NODE_OPTIONS } : {});

  beforeAll(() => bed.setup());
  afterAll(async () => {
    await aggregator.stop();
    await bed.teardown();
  });

  it(`applies ${EVENTS} pre-loaded messages`, async () => {
    await bed.produce(syntheticLoad('93', EVENTS, 13).arrival);
    await aggregator.start();
    const started = Date.now();
    await bed.settled(EVENTS * 10);
    const ms = Date.now() - started;
    const metrics = await (await fetch(`${aggregator.url}/metrics`)).text();
    const sample = (name: string) =>
      Number(
        metrics
          .split('\n')
          .find((l) => l.startsWith(name))
          ?.split(' ')
          .pop() ?? NaN,
      );
    const batches = sample('aggregator_batch_seconds_count');
    console.log(
      `[throughput] ${EVENTS} messages in ${ms} ms = ${Math.round((EVENTS / ms) * 1000)} messages/s; ${batches} batches, ` +
        `mean ${Math.round((sample('aggregator_batch_seconds_sum') / batches) * 1000)} ms and ` +
        `${Math.round(sample('aggregator_batch_counters_written_sum') / batches)} counter rows per batch; ` +
        `applied ${sample('aggregator_events_applied_total')}, stale ${sample('aggregator_stale_versions_total')}, duplicates ${sample('aggregator_duplicate_events_total')}`,
    );
  }, 1_800_000);
});
