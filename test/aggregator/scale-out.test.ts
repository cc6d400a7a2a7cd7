import { AppProcess, sleep } from '../support/app-process';
import { compareCounters, referenceCounters } from '../support/reference-counters';
import { AggregatorTestBed } from './support/aggregator-test-bed';
import { syntheticLoad } from './support/synthetic-events';

const EVENTS = Number(process.env.SCALE_OUT_TEST_EVENTS ?? 8_000);
const PROVINCE = '93';

/**
 * Scale-out as a province would run it: three aggregator processes share the 12
 * partitions of the canonical topic; mid-run one is SIGKILLed and a fourth is added (two
 * rebalances under load). They end with exactly the counters one process gives over the same
 * events, and both equal the pure engine's reference.
 */
describe('scale-out: three aggregators, one killed and one added mid-run', () => {
  const single = new AggregatorTestBed('solo');
  const group = new AggregatorTestBed('trio');
  const alone = single.aggregator(3931);
  const members: AppProcess[] = [group.aggregator(3932), group.aggregator(3933), group.aggregator(3934)];
  const added = group.aggregator(3935);

  beforeAll(async () => {
    await Promise.all([single.setup(), group.setup()]);
  });
  afterAll(async () => {
    await Promise.all([alone, ...members, added].map((app) => app.stop()));
    await Promise.all([single.teardown(), group.teardown()]);
  });

  it('end with exactly the counters of a single-instance run', async () => {
    const load = syntheticLoad(PROVINCE, EVENTS, 23);
    const third = Math.floor(load.arrival.length / 3);

    await single.produce(load.arrival);
    await alone.start();
    await single.settled(300_000);
    const byOne = await single.counters(PROVINCE);
    await alone.stop();

    await group.produce(load.arrival.slice(0, third));
    await Promise.all(members.map((app) => app.start()));
    await group.produce(load.arrival.slice(third, 2 * third));
    await sleep(1500);
    await members[1].kill();
    await group.produce(load.arrival.slice(2 * third));
    await added.start();
    await group.settled(300_000);
    const byGroup = await group.counters(PROVINCE);

    expect(compareCounters(byGroup, byOne).lines).toEqual([]);
    expect(byGroup.size).toBe(byOne.size);
    expect(compareCounters(byOne, referenceCounters(load.arrival, PROVINCE)).lines).toEqual([]);
    console.log(`[scale-out] ${load.arrival.length} messages, ${byOne.size} counters: 3 processes, 1 killed, 1 added = 1 process`);
  }, 600_000);
});
