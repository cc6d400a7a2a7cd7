import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import type { CanonicalEvent, HealthEvent } from '@lib/contracts';
import { createKafkaClient, KafkaProducer, TOPICS } from '@lib/kafka';
import { FeedGenerator } from '../../apps/simulator/src/feed/feed-generator';
import { backfillInstant, backfillOptions, type BackfillRange } from '../../apps/simulator/src/feed/feed-timeline';
import { SinkNotReadyError } from '../../apps/simulator/src/sinks/event-sink';
import { HttpSink } from '../../apps/simulator/src/sinks/http-sink';
import { KafkaSink } from '../../apps/simulator/src/sinks/kafka-sink';
import { localKafkaCredentials } from '../../tools/lib/local-kafka-credentials';
import { AppProcess, eventually } from '../support/app-process';
import { issueRawSigners, seedRegistry } from '../support/registry-fixture';
import { testEnvironment } from '../support/test-environment';
import { readTopic } from '../support/topic-reader';

/** A credentials file as seed-demo writes it: each institution's API key and the key's id. */
async function demoCredentials(
  pool: Pool,
): Promise<{ institutions: Record<string, string>; apiKeyIds: Record<string, string>; bureaus: Record<string, string> }> {
  const credentials = { institutions: {} as Record<string, string>, apiKeyIds: {} as Record<string, string>, bureaus: {} };
  const signers = await issueRawSigners(
    pool,
    (await seedRegistry(pool)).map((institution) => institution.id),
  );
  for (const [institutionId, signer] of signers) {
    credentials.institutions[institutionId] = signer.key;
    credentials.apiKeyIds[institutionId] = signer.keyId;
  }
  return credentials;
}

function backfillEvents(seed: string, count: number, days: number): HealthEvent[] {
  const now = Date.now();
  const range: BackfillRange = { fromMs: now - days * 86_400_000, toMs: now - 60_000, nowMs: now };
  const generator = new FeedGenerator(backfillOptions(seed, range, { populationScale: 0.002, streamId: `T${seed}-${now.toString(36)}` }));
  return Array.from({ length: count }, (_, i) => generator.next(backfillInstant(range, i, count)));
}

/** The simulator's feed through the real HTTP door: every event accepted (or a retry's duplicate), none rejected. */
describe('simulator feed → ingest over HTTP', () => {
  const env = testEnvironment();
  const pool = new Pool({ connectionString: env.DATABASE_URL });
  const ingest = new AppProcess('ingest', 3961, { RAW_DOOR_ENABLED: 'false', INGEST_RATE_LIMIT_PER_MINUTE: '100000' });
  const dir = mkdtempSync(path.join(tmpdir(), 'simulator-'));
  const credentialsFile = path.join(dir, 'demo-credentials.json');
  const simulator = new AppProcess('simulator', 3962, {
    SIMULATOR_AUTOSTART: 'true',
    SIMULATOR_RATE: '100',
    SIMULATOR_INGEST_URL: ingest.url,
    SIMULATOR_CREDENTIALS_FILE: credentialsFile,
    SIMULATOR_POPULATION_SCALE: '0.002',
    // The epidemic feed's cluster starts at once (8 measles cards in 汉阴 within ~90 s), whatever the time of day.
    SIMULATOR_SCENARIO: 'measles-cluster:610921:0.001',
  });
  const sink = () => new HttpSink({ ingestUrl: ingest.url, credentialsFile, batchSize: 500, concurrency: 4 });
  const backfill = backfillEvents;

  beforeAll(async () => {
    const credentials = await demoCredentials(pool);
    // The simulator app boots before the credentials file exists, as in the demo before seed-demo has run.
    await simulator.start();
    await ingest.start();
    writeFileSync(credentialsFile, JSON.stringify(credentials));
  });

  afterAll(async () => {
    await simulator.stop();
    await ingest.stop();
    await pool.end();
  });

  it('delivers ~300 events: all accepted or duplicate (retries), none rejected', async () => {
    const events = backfill('300', 300, 40);
    const tally = await sink().send(events);
    const repeats = events.length - new Set(events.map((e) => JSON.stringify(e))).size;
    expect(tally).toEqual({ sent: 300, accepted: 300 - repeats, duplicate: repeats, rejected: 0, errors: 0 });
  });

  it('resends the same batch as duplicates (same eventIds, nothing counted twice)', async () => {
    const events = backfill('again', 200, 10);
    const first = await sink().send(events);
    const second = await sink().send(events);
    expect(first.rejected).toBe(0);
    expect(second).toMatchObject({ sent: 200, accepted: 0, duplicate: 200, rejected: 0 });
  });

  it('holds its batch while the credentials file is missing', async () => {
    const missing = new HttpSink({ ingestUrl: ingest.url, credentialsFile: path.join(dir, 'none.json'), batchSize: 500, concurrency: 1 });
    await expect(missing.send(backfill('x', 5, 1))).rejects.toBeInstanceOf(SinkNotReadyError);
  });

  it('runs as an app: healthy while waiting, then feeding live events that ingest accepts', async () => {
    const status = await eventually(
      async () => (await (await fetch(`${simulator.url}/v1/simulator/status`)).json()) as Record<string, number | boolean | string>,
      (s) => (s.accepted as number) >= 100,
      60_000,
    );
    expect(status).toMatchObject({ running: true, rejected: 0, errors: 0 });
    // The epidemic feed's report cards (eventIds `<stream>-D<day>-<county>-n`) went through the same door.
    const { rows } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ingest_receipts WHERE event_id ~ '^ankang-[a-z0-9]+-D[0-9]{8}-610921-'`);
    expect(Number(rows[0].n)).toBeGreaterThan(0);
    const metrics = await (await fetch(`${simulator.url}/metrics`)).text();
    expect(metrics).toMatch(/simulator_events_total\{sink="http",result="accepted",app="simulator"\} \d+/);
    const stopped = await (await fetch(`${simulator.url}/v1/simulator/stop`, { method: 'POST' })).json();
    expect(stopped).toMatchObject({ running: false });
  });
});

/**
 * The simulator's Kafka sink on the raw topic, against ingest's default RAW_DOOR_SIGNATURES=required:
 * each message signed with its institution's key (the ids from the credentials file), so every event
 * reaches the canonical topic and none is dead-lettered as unauthenticated.
 */
describe('simulator feed → ingest over the Kafka raw topic, signatures required', () => {
  const env = testEnvironment();
  const integrator = testEnvironment(localKafkaCredentials('integrator'));
  const pool = new Pool({ connectionString: env.DATABASE_URL });
  const ingest = new AppProcess('ingest', 3963, { RAW_DOOR_SIGNATURES: 'required' });
  const credentialsFile = path.join(mkdtempSync(path.join(tmpdir(), 'simulator-kafka-')), 'demo-credentials.json');
  const producer = new KafkaProducer(createKafkaClient(integrator, 'simulator-kafka-sink-test'));

  beforeAll(async () => {
    writeFileSync(credentialsFile, JSON.stringify(await demoCredentials(pool)));
    await ingest.start();
  });

  afterAll(async () => {
    await producer.onApplicationShutdown();
    await ingest.stop();
    await pool.end();
  });

  it('signs every message: all of them counted, none dead-lettered', async () => {
    const events = backfillEvents('kafka', 300, 20);
    const sink = new KafkaSink(producer, env.KAFKA_TOPIC_PREFIX + TOPICS.eventsRaw, 100, credentialsFile);
    expect(await sink.send(events)).toEqual({ sent: 300, accepted: 300, duplicate: 0, rejected: 0, errors: 0 });
    const sent = new Set(events.map((e) => e.eventId));
    const canonical = await eventually(
      async () => new Set((await readTopic(env, env.KAFKA_TOPIC_PREFIX + TOPICS.events)).map((m) => (JSON.parse(m.value) as CanonicalEvent).eventId)),
      (ids) => [...sent].every((id) => ids.has(id)),
      60_000,
    );
    expect([...sent].filter((id) => !canonical.has(id))).toEqual([]);
    const letters = (await readTopic(env, env.KAFKA_TOPIC_PREFIX + TOPICS.eventsDeadLetter)).map(
      (m) => JSON.parse(m.value) as { eventId?: string; errors: { code: string }[] },
    );
    expect(letters.filter((l) => l.eventId !== undefined && sent.has(l.eventId))).toEqual([]);
  });

  it('holds its batch while the credentials file is missing', async () => {
    const missing = new KafkaSink(producer, env.KAFKA_TOPIC_PREFIX + TOPICS.eventsRaw, 100, `${credentialsFile}.none`);
    await expect(missing.send(backfillEvents('none', 5, 1))).rejects.toBeInstanceOf(SinkNotReadyError);
  });
});
