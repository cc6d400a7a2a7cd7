import { AppProcess } from '../support/app-process';
import { compareCounters, referenceCounters } from '../support/reference-counters';
import { AggregatorTestBed } from './support/aggregator-test-bed';
import { syntheticLoad } from './support/synthetic-events';

const EVENTS = Number(process.env.PAIR_TEST_EVENTS ?? 10_000);
const PROVINCE = '92';

/**
 * Two aggregator processes in one consumer group share the partitions; chronic patients, contracts
 * and vaccinations of one person arrive in several counties' partitions, so the two processes meet
 * on shared subjects and on every city and province counter. They end with exactly the counters of
 * the reference (= what one process gives: the crash test holds one process to the same reference).
 */
describe('two aggregator processes in one consumer group', () => {
  const bed = new AggregatorTestBed('pair');
  const first: AppProcess = bed.aggregator(3921);
  const second: AppProcess = bed.aggregator(3922);

  beforeAll(() => bed.setup());
  afterAll(async () => {
    await Promise.all([first.stop(), second.stop()]);
    await bed.teardown();
  });

  it('give exactly the reference counters', async () => {
    const load = syntheticLoad(PROVINCE, EVENTS, 11);
    const expected = referenceCounters(load.arrival, PROVINCE);
    const half = Math.floor(load.arrival.length / 2);
    await bed.produce(load.arrival.slice(0, half));
    await Promise.all([first.start(), second.start()]);
    const started = Date.now();
    await bed.produce(load.arrival.slice(half));
    await bed.settled();
    const ms = Date.now() - started;

    const actual = await bed.counters(PROVINCE);
    expect(compareCounters(actual, expected).lines).toEqual([]);
    expect(actual.size).toBe(expected.size);

    const applied = await Promise.all([first, second].map(appliedBy));
    expect(applied.every((n) => n > 0)).toBe(true);
    console.log(`[pair] ${EVENTS} messages → ${expected.size} counters in ${ms} ms; event versions applied per process: ${applied.join(' + ')}`);
  }, 300_000);
});

async function appliedBy(app: AppProcess): Promise<number> {
  const text = await (await fetch(`${app.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('aggregator_events_applied_total'));
  return Number(line?.split(' ').pop() ?? 0);
}
