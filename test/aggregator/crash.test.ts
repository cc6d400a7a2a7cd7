import { AppProcess, eventually, sleep } from '../support/app-process';
import { compareCounters, referenceCounters } from '../support/reference-counters';
import { AggregatorTestBed } from './support/aggregator-test-bed';
import { runRebuild } from './support/run-rebuild';
import { syntheticLoad } from './support/synthetic-events';

/** Messages of the run (the 200k: CRASH_TEST_EVENTS=200000) and SIGKILLs at most. */
const EVENTS = Number(process.env.CRASH_TEST_EVENTS ?? 20_000);
const MAX_KILLS = Number(process.env.CRASH_TEST_KILLS ?? 6);
const PROVINCE = '91';

/**
 * Exactly once under crashes: the aggregator is SIGKILLed at random moments while it works through a
 * shuffled load with retries, amendments and voids, and restarted each time. The final counters equal
 * the reference computed by the executable specification over the same messages, and the rebuild tool
 * finds no drift.
 */
describe('crash: SIGKILL at random moments, restart, exact counters', () => {
  const bed = new AggregatorTestBed('crash');
  let aggregator: AppProcess;

  beforeAll(() => bed.setup());
  afterAll(async () => {
    await aggregator?.stop();
    await bed.teardown();
  });

  it(
    `applies ${EVENTS} messages exactly once across up to ${MAX_KILLS} kills`,
    async () => {
      const load = syntheticLoad(PROVINCE, EVENTS, 7);
      let t = Date.now();
      const expected = referenceCounters(load.arrival, PROVINCE);
      const referenceMs = Date.now() - t;
      await bed.produce(load.arrival);

      aggregator = bed.aggregator(3911);
      t = Date.now();
      let kills = 0;
      const progressAtKill: number[] = [];
      await aggregator.start();
      let last = 0;
      while (kills < MAX_KILLS) {
        // After a restart the group waits out the dead member's session (6 s) before assigning partitions:
        // wait until batches commit again, so that every kill lands while batches are being applied.
        last = await eventually(
          () => bed.committed(),
          (n) => n > last || n >= bed.produced,
          60_000,
        );
        await sleep(Math.random() * 1500);
        const committed = await bed.committed();
        if (committed >= bed.produced) break;
        await aggregator.kill();
        kills += 1;
        progressAtKill.push(committed);
        last = committed;
        await aggregator.start();
      }
      await bed.settled(Math.max(120_000, EVENTS * 5));
      const runMs = Date.now() - t;

      const actual = await bed.counters(PROVINCE);
      expect(compareCounters(actual, expected).lines).toEqual([]);
      expect(actual.size).toBe(expected.size);

      // Nothing recorded twice or lost in the ledger either: one row per distinct version sent.
      const versions = new Set(load.arrival.map((e) => `${e.institutionId}|${e.eventId}|${e.version}`));
      const { rows } = await bed.pool.query<{ n: string }>(`SELECT count(*) AS n FROM event_ledger WHERE institution_id LIKE $1`, [`${PROVINCE}%`]);
      expect(Number(rows[0].n)).toBe(versions.size);

      const drift = await runRebuild(bed.env);
      expect(drift.output).toContain('no drift');
      expect(drift.code).toBe(0);

      console.log(
        `[crash] ${EVENTS} messages (${load.logical} events, ${versions.size} versions) → ${expected.size} counters; ` +
          `${kills} SIGKILLs survived (committed at each kill: ${progressAtKill.join(', ')}); run ${runMs} ms incl. restarts; ` +
          `reference ${referenceMs} ms; rebuild + drift check of the whole ledger ${drift.ms} ms\n${drift.output}`,
      );
    },
    Math.max(900_000, EVENTS * 15),
  );
});
