import { LIVE_COUNTERS_READY, liveCounterField, liveCounterHashOf } from '@lib/indicator-readings';
import { eventually, sleep } from '../support/app-process';
import { AggregatorTestBed } from './support/aggregator-test-bed';

/**
 * A process killed between a COMMIT and that transaction's Redis write leaves the new values only in
 * PostgreSQL while the cache still says it is complete. Simulated here by writing counter rows straight
 * to PostgreSQL under a "ready" cache: the restarted aggregator puts the recent ones into Redis.
 */
describe('live cache repair at start', () => {
  const bed = new AggregatorTestBed('repair');
  const counter = (region: string) => ({ indicator: 'county_visit_rate', measure: 'numerator' as const, level: 'county' as const, region, period: '2026', dims: '' });
  const cached = async (region: string) => {
    const raw = await bed.redis.hget(liveCounterHashOf(counter(region)), liveCounterField(counter(region)));
    return raw === null ? null : (JSON.parse(raw) as { value: number; revision: number });
  };

  beforeAll(() => bed.setup());
  afterAll(() => bed.teardown());

  it('re-writes counters committed in the last minutes, not the whole table', async () => {
    await bed.redis.set(LIVE_COUNTERS_READY, new Date().toISOString());
    await bed.pool.query(
      `INSERT INTO indicator_counters (indicator, measure, level, region, period, dims, value, revision, updated_at) VALUES
       ('county_visit_rate', 'numerator', 'county', '619901', '2026', '', 7, 3, now()),
       ('county_visit_rate', 'numerator', 'county', '619902', '2026', '', 5, 2, now() - interval '2 hours')`,
    );
    const aggregator = await bed.aggregator(3761).start();
    try {
      expect(await eventually(() => cached('619901'), (v) => v !== null, 20_000)).toMatchObject({ value: 7, revision: 3 });
      await sleep(1000);
      expect(await cached('619902')).toBeNull(); // older than the repair window: the cache was complete for it
    } finally {
      await aggregator.stop();
    }
  });
});
