import { CanonicalEvent, HealthEvent } from '@lib/contracts';
import { syntheticInstitutions } from '../aggregator/support/synthetic-events';
import { AppProcess, sleep } from '../support/app-process';
import { issueApiKey } from '../support/registry-fixture';
import { readTopic } from '../support/topic-reader';
import { settled } from './support/aggregation';
import { FaultBed } from './support/fault-bed';
import { size } from './support/fault-config';
import { recordFigures } from './support/figures';
import { compareCounters, referenceCounters, storedCounters } from '../support/reference-counters';
import { seedSyntheticProvince } from './support/synthetic-province';
import { visitEvents } from './support/visit-events';

const PROVINCE = '65';
const EVENTS = size(3000, 15_000);
const KILLS = size(3, 8);
const BATCH = 50;

/**
 * Ingest SIGKILLed mid-batch while institutions keep sending and retry the same eventIds until they
 * get an answer. A batch may be on the canonical topic and yet unanswered (killed between the
 * broker's ack and the reply): the retry then produces it again or answers "duplicate". Afterwards
 * every event is on the canonical topic at least once, the ledger holds each exactly once, and the
 * counters equal the reference computed from what the topic holds.
 */
describe('fault: ingest killed mid-batch, clients retrying', () => {
  const bed = new FaultBed('ingest-kill');
  const ingest = bed.app('ingest', 3999, { RAW_DOOR_ENABLED: 'false', INGEST_RATE_LIMIT_PER_MINUTE: '1000000' });
  let aggregator: AppProcess;

  beforeAll(async () => {
    await bed.setup();
    await seedSyntheticProvince(bed.pool, PROVINCE);
    aggregator = bed.app('aggregator', 3990);
    await Promise.all([ingest.start(), aggregator.start()]);
  });

  afterAll(async () => {
    await Promise.all([ingest.stop(), aggregator?.stop()]);
    await bed.teardown();
  });

  it(`keeps ${EVENTS} events exactly once across ${KILLS} kills`, async () => {
    const events = visitEvents(PROVINCE, EVENTS, `K${bed.env.KAFKA_GROUP_PREFIX.slice(-8)}`, 65);
    const keys = new Map<string, string>();
    for (const i of syntheticInstitutions(PROVINCE)) keys.set(i.id, await issueApiKey(bed.pool, i.id));
    const byInstitution = new Map<string, HealthEvent[]>();
    for (const e of events) byInstitution.set(e.institutionId, [...(byInstitution.get(e.institutionId) ?? []), e]);
    const answers: Record<string, number> = {};
    const rejected: string[] = [];

    /** One institution's system: sends its events in batches, retrying a batch until it is answered. */
    const client = async (institution: string, own: HealthEvent[]) => {
      for (let i = 0; i < own.length; i += BATCH) {
        const batch = own.slice(i, i + BATCH);
        for (;;) {
          const status = await fetch(`${ingest.url}/v1/events`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${keys.get(institution)}` },
            body: JSON.stringify({ events: batch }),
            signal: AbortSignal.timeout(10_000),
          })
            .then(async (r) => {
              if (r.status === 202) {
                const body = (await r.json()) as { results: { status: string; eventId?: string }[] };
                rejected.push(...body.results.filter((x) => x.status === 'rejected').map((x) => x.eventId ?? '?'));
              }
              return r.status;
            })
            .catch(() => 0);
          answers[status] = (answers[status] ?? 0) + 1;
          if (status === 202) break;
          await sleep(100 + Math.random() * 200);
        }
      }
    };
    let done = false;
    const clients = Promise.all([...byInstitution].map(([institution, own]) => client(institution, own))).finally(() => (done = true));

    let kills = 0;
    while (kills < KILLS && !done) {
      await sleep(200 + Math.random() * 500);
      if (done) break;
      await ingest.kill();
      kills += 1;
      await ingest.start();
    }
    await clients;
    await settled(bed, 300_000);

    const canonical = (await readTopic(bed.env, bed.topic('events'))).map((m) => JSON.parse(m.value) as CanonicalEvent);
    const onTopic = new Map<string, number>();
    for (const e of canonical) onTopic.set(e.eventId, (onTopic.get(e.eventId) ?? 0) + 1);
    const missing = events.filter((e) => !onTopic.has(e.eventId)).map((e) => e.eventId);
    const { rows } = await bed.pool.query<{ event_id: string; n: number }>(
      'SELECT event_id, count(*)::int AS n FROM event_ledger WHERE institution_id LIKE $1 GROUP BY event_id',
      [`${PROVINCE}%`],
    );
    const ledger = new Map(rows.map((r) => [r.event_id, r.n]));
    const notOnce = events.filter((e) => ledger.get(e.eventId) !== 1).map((e) => `${e.eventId}:${ledger.get(e.eventId) ?? 0}`);
    const diff = compareCounters(await storedCounters(bed.pool, PROVINCE), referenceCounters(canonical, PROVINCE));
    // The reference from distinct events must equal the one from the topic with its redeliveries.
    const distinct = [...new Map(canonical.map((e) => [e.eventId, e])).values()];
    const referenceDiff = compareCounters(referenceCounters(canonical, PROVINCE), referenceCounters(distinct, PROVINCE));

    recordFigures('ingest-kill', {
      events: events.length,
      kills,
      answers,
      rejected: rejected.length,
      canonicalMessages: canonical.length,
      redelivered: canonical.length - onTopic.size,
      missing: missing.length,
      ledgerNotExactlyOnce: notOnce.length,
      lost: diff.lost,
      doubled: diff.doubled,
    });
    expect(rejected).toEqual([]);
    expect(kills).toBeGreaterThan(0);
    expect(missing).toEqual([]);
    expect(notOnce).toEqual([]);
    expect(diff.lines).toEqual([]);
    expect(referenceDiff.lines).toEqual([]);
  }, 600_000); // ~30 s on an idle machine; several minutes beside a running demo stack (scripts/up.sh)
});
