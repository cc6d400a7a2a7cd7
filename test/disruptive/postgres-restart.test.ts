import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Producer } from 'kafkajs';
import { AppProcess, eventually, sleep } from '../support/app-process';
import { syntheticLoad } from '../aggregator/support/synthetic-events';
import { applied, canonicalProducer, produceCanonical, settled } from '../faults/support/aggregation';
import { FaultBed } from '../faults/support/fault-bed';
import { size } from '../faults/support/fault-config';
import { recordFigures } from '../faults/support/figures';
import { compareCounters, referenceCounters, storedCounters } from '../support/reference-counters';

const PROVINCE = '63';
const EVENTS = size(4000, 20_000);
const RESTARTS = size(1, 3);
const run = promisify(execFile);

/** Restarts the machine's PostgreSQL cluster (shared: CI runs suites one after another). */
async function restartPostgres(): Promise<number> {
  const started = Date.now();
  await run('bash', ['-c', 'pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main restart']);
  await eventually(
    () =>
      run('pg_isready', ['-q', '-h', '127.0.0.1'])
        .then(() => true)
        .catch(() => false),
    (ok) => ok,
    60_000,
  );
  return Date.now() - started;
}

/**
 * PostgreSQL restarted under load: the aggregator's transactions fail mid-batch, it pauses, and
 * resumes from the offsets stored with the results, so nothing is lost or counted twice. Ends
 * with every counter of the province compared to the pure engine's reference.
 */
describe('fault: PostgreSQL restarted under load', () => {
  const bed = new FaultBed('pg');
  let aggregator: AppProcess;
  let producer: Producer;

  beforeAll(async () => {
    await bed.setup();
    producer = canonicalProducer(bed);
    await producer.connect();
  });

  afterAll(async () => {
    await aggregator?.stop();
    await producer.disconnect();
    await bed.teardown();
  });

  it(`applies ${EVENTS} messages exactly once across ${RESTARTS} restart(s)`, async () => {
    const load = syntheticLoad(PROVINCE, EVENTS, 63);
    const expected = referenceCounters(load.arrival, PROVINCE);
    aggregator = bed.app('aggregator', 3996);
    await aggregator.start();

    const slices = RESTARTS + 1;
    const per = Math.ceil(load.arrival.length / slices);
    const outages: number[] = [];
    const appliedAtRestart: number[] = [];
    for (let s = 0; s < slices; s += 1) {
      await produceCanonical(producer, bed, load.arrival.slice(s * per, (s + 1) * per));
      if (s === slices - 1) break;
      // Restart while the slice is being applied, not after it.
      await eventually(
        () => applied(bed),
        (n) => n > s * per,
        30_000,
      );
      await sleep(200);
      appliedAtRestart.push(await applied(bed));
      outages.push(await restartPostgres());
    }
    // A consumer that never resumes is the failure this test exists for: show why.
    await settled(bed, 60_000).catch((error: Error) => {
      throw new Error(`${error.message}\naggregator alive: ${aggregator.pid}; its log:\n${aggregator.logs.slice(-4000)}`);
    });

    const stored = await storedCounters(bed.pool, PROVINCE);
    const diff = compareCounters(stored, expected);
    const versions = new Set(load.arrival.map((e) => `${e.institutionId}|${e.eventId}|${e.version}`));
    const { rows } = await bed.pool.query<{ n: string }>('SELECT count(*) AS n FROM event_ledger WHERE institution_id LIKE $1', [`${PROVINCE}%`]);
    recordFigures('postgres-restart', {
      messages: load.arrival.length,
      versions: versions.size,
      restarts: outages.length,
      outageMs: outages,
      appliedAtRestart,
      counters: expected.size,
      ledgerRows: Number(rows[0].n),
      lost: diff.lost,
      doubled: diff.doubled,
      aggregatorAlive: await aggregator.healthy(),
    });
    expect(diff.lines).toEqual([]);
    expect(stored.size).toBe(expected.size);
    expect(Number(rows[0].n)).toBe(versions.size);
    expect(await aggregator.healthy()).toBe(true);
  }, 180_000);
});
