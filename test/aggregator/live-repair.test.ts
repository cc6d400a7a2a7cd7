import { LIVE_COUNTERS_READY, liveCounterField, liveCounterHashOf } from '@lib/indicator-readings';
import { eventually, sleep } from '../support/app-process';
import { AggregatorTestBed } from './support/aggregator-test-bed';

/**
 * A process killed between a fold's COMMIT and its Redis write leaves the new values only in
 * PostgreSQL while the cache still says it is complete. Simulated here by writing counter rows and
 * their fold's record straight to PostgreSQL, hours ago, under a "ready" cache: the starting
 * aggregator puts the counters changed since that fold into Redis, and nothing older.
 */
describe('live cache repair at start', () => {
  const bed = new AggregatorTestBed('repair');
  const counter = (region: string) => ({
    indicator: 'county_visit_rate',
    measure: 'numerator' as const,
    level: 'county' as const,
    region,
    period: '2026',
    dims: '',
  });
  const cached = async (region: string) => {
    const raw = await bed.redis.hget(liveCounterHashOf(counter(region)), liveCounterField(counter(region)));
    return raw === null ? null : (JSON.parse(raw) as { value: number; revision: number });
  };

  beforeAll(() => bed.setup());
  afterAll(() => bed.teardown());

  it('re-writes the counters of a fold never announced, however old, and not the whole table', async () => {
    await bed.redis.set(LIVE_COUNTERS_READY, new Date().toISOString());
    // As a fold writes them: its record's time is the updated_at of the counters it changed.
    const foldedAt = new Date(Date.now() - 2 * 3600_000);
    await bed.pool.query(
      `INSERT INTO indicator_counters (indicator, measure, level, region, period, dims, value, revision, updated_at) VALUES
       ('county_visit_rate', 'numerator', 'county', '619901', '2026', '', 7, 3, $1),
       ('county_visit_rate', 'numerator', 'county', '619902', '2026', '', 5, 2, $1::timestamptz - interval '1 hour')`,
      [foldedAt],
    );
    await bed.pool.query('INSERT INTO unannounced_counter_folds (folded_at) VALUES ($1)', [foldedAt]);
    const aggregator = await bed.aggregator(3761).start();
    try {
      expect(
        await eventually(
          () => cached('619901'),
          (v) => v !== null,
          20_000,
        ),
      ).toMatchObject({ value: 7, revision: 3 });
      expect(
        (
          await eventually(
            () => bed.pool.query('SELECT fold_id FROM unannounced_counter_folds'),
            (r) => r.rowCount === 0,
          )
        ).rowCount,
      ).toBe(0);
      await sleep(1000);
      expect(await cached('619902')).toBeNull(); // changed before the unannounced fold: the cache was complete for it
    } finally {
      await aggregator.stop();
    }
  });
});
