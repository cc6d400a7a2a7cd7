import { Partitioners, Producer } from 'kafkajs';
import { Pool } from 'pg';
import { CanonicalEvent } from '@lib/contracts';
import { createKafkaClient, TOPICS } from '@lib/kafka';
import { AppProcess, eventually } from '../support/app-process';
import { seedRegistry } from '../support/registry-fixture';
import { testEnvironment } from '../support/test-environment';
import { readTopic } from '../support/topic-reader';
import { freshExamples } from './event-fixtures';

/** Institutions producing straight to the raw topic: good events reach the canonical topic, bad ones the dead letters. */
describe('Kafka door: health.events.raw.v1', () => {
  const env = testEnvironment();
  const pool = new Pool({ connectionString: env.DATABASE_URL });
  const ingest = new AppProcess('ingest', 3942);
  let producer: Producer;

  beforeAll(async () => {
    await seedRegistry(pool);
    producer = createKafkaClient(env, 'raw-door-test').producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await ingest.start();
  });

  afterAll(async () => {
    await ingest.stop();
    await producer.disconnect();
    await pool.end();
  });

  it('forwards valid events and dead-letters the rest with reasons, never with the ID number', async () => {
    const good = freshExamples();
    const [sample] = good;
    const bad = [
      { value: '{"eventId": "BROKEN-1", ', reason: 'invalid_json' },
      { value: Buffer.from([0x7b, 0xff, 0x7d]), reason: 'invalid_json' },
      { value: JSON.stringify({ ...sample, eventId: `BAD-REGION-${Date.now()}`, person: { ...sample.person, residenceRegion: '999999' } }), reason: 'unknown_region' },
      { value: JSON.stringify({ ...sample, eventId: `BAD-INST-${Date.now()}`, institutionId: 'NOT-REGISTERED' }), reason: 'unknown_institution' },
      { value: JSON.stringify({ ...sample, eventId: `BAD-TIME-${Date.now()}`, occurredAt: '1999-01-01T00:00:00+08:00' }), reason: 'too_old' },
      { value: JSON.stringify({ ...sample, eventId: `BAD-PROTO-${Date.now()}`, ['__proto__']: { polluted: true } }), reason: 'unknown_field' },
    ];
    await producer.send({
      topic: env.KAFKA_TOPIC_PREFIX + TOPICS.eventsRaw,
      messages: [
        ...good.map((event) => ({ key: event.institutionId, value: JSON.stringify(event) })),
        ...bad.map((b) => ({ key: 'x', value: b.value })),
      ],
    });

    const canonical = await eventually(
      async () => (await readTopic(env, env.KAFKA_TOPIC_PREFIX + TOPICS.events)).map((m) => JSON.parse(m.value) as CanonicalEvent),
      (events) => good.every((g) => events.some((e) => e.eventId === g.eventId)),
    );
    expect(canonical.filter((e) => e.eventId.startsWith('BAD-'))).toEqual([]);

    const letters = await eventually(
      async () => (await readTopic(env, env.KAFKA_TOPIC_PREFIX + TOPICS.eventsDeadLetter)).map((m) => m.value),
      (values) => values.length >= bad.length,
    );
    const codes = letters.map((value) => (JSON.parse(value) as { errors: { code: string }[] }).errors.map((e) => e.code));
    for (const { reason } of bad) expect(codes.flat()).toContain(reason);
    for (const value of letters) expect(value).not.toContain(sample.person?.id as string);
    expect(letters.map((value) => JSON.parse(value) as { eventId?: string }).map((l) => l.eventId)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^BAD-REGION-/), expect.stringMatching(/^BAD-INST-/)]),
    );
  });

  it('stays up and healthy after bad input', async () => {
    expect(await ingest.healthy()).toBe(true);
  });
});
