import { Partitioners, Producer } from 'kafkajs';
import { Pool } from 'pg';
import { CanonicalEvent, EVENT_HEADERS, RAW_SIGNATURE_HEADERS, rawSignatureHeaders } from '@lib/contracts';
import { createKafkaClient, TOPICS } from '@lib/kafka';
import { AppProcess, eventually } from '../support/app-process';
import { issueRawSigner, RawSigner, seedRegistry } from '../support/registry-fixture';
import { testEnvironment } from '../support/test-environment';
import { readTopic } from '../support/topic-reader';
import { sampleOf } from '../support/metric-samples';
import { expectedRecordHeaders } from '../support/record-headers';
import { freshExamples } from './event-fixtures';

/** A raw message signed as the institution of `signer` (@lib/contracts rawSignatureHeaders). */
function signed(signer: RawSigner, key: string, value: string | Buffer) {
  return { key, value, headers: rawSignatureHeaders(signer.keyId, signer.signingKey, key, value) };
}

/** Institutions producing straight to the raw topic: good events reach the canonical topic, bad ones the dead letters. */
describe('Kafka door: health.events.raw.v1', () => {
  const env = testEnvironment();
  const pool = new Pool({ connectionString: env.DATABASE_URL });
  const ingest = new AppProcess('ingest', 3942);
  let producer: Producer;
  const signers = new Map<string, RawSigner>();
  const signerOf = async (institutionId: string) => {
    if (!signers.has(institutionId)) signers.set(institutionId, await issueRawSigner(pool, institutionId));
    return signers.get(institutionId)!;
  };

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
      {
        value: JSON.stringify({ ...sample, eventId: `BAD-REGION-${Date.now()}`, person: { ...sample.person, residenceRegion: '999999' } }),
        reason: 'unknown_region',
      },
      // Signed with the sample institution's key but claiming another: the forged-institution case.
      { value: JSON.stringify({ ...sample, eventId: `BAD-INST-${Date.now()}`, institutionId: 'NOT-REGISTERED' }), reason: 'institution_mismatch' },
      { value: JSON.stringify({ ...sample, eventId: `BAD-TIME-${Date.now()}`, occurredAt: '1999-01-01T00:00:00+08:00' }), reason: 'too_old' },
      { value: JSON.stringify({ ...sample, eventId: `BAD-PROTO-${Date.now()}`, ['__proto__']: { polluted: true } }), reason: 'unknown_field' },
    ];
    const sampleSigner = await signerOf(sample.institutionId);
    const goodMessages = await Promise.all(good.map(async (event) => signed(await signerOf(event.institutionId), event.institutionId, JSON.stringify(event))));
    // A producer's correlation id travels on to the canonical record (and to a dead letter).
    const traced = `raw-trace-${Date.now()}`;
    goodMessages[0].headers[EVENT_HEADERS.correlationId] = traced;
    const badMessages = bad.map((b) => signed(sampleSigner, 'x', b.value));
    badMessages[2].headers[EVENT_HEADERS.correlationId] = traced;
    await producer.send({
      topic: env.KAFKA_TOPIC_PREFIX + TOPICS.eventsRaw,
      messages: [...goodMessages, ...badMessages],
    });

    const canonicalRecords = await eventually(
      () => readTopic(env, env.KAFKA_TOPIC_PREFIX + TOPICS.events),
      (records) => good.every((g) => records.some((r) => (JSON.parse(r.value) as CanonicalEvent).eventId === g.eventId)),
    );
    const canonical = canonicalRecords.map((m) => JSON.parse(m.value) as CanonicalEvent);
    expect(canonical.filter((e) => e.eventId.startsWith('BAD-'))).toEqual([]);
    const first = canonicalRecords.find((r) => (JSON.parse(r.value) as CanonicalEvent).eventId === sample.eventId);
    expect(first?.headers).toEqual(
      expectedRecordHeaders({ eventId: sample.eventId, type: sample.type, institutionId: sample.institutionId, correlationId: traced }),
    );

    const records = await eventually(
      () => readTopic(env, env.KAFKA_TOPIC_PREFIX + TOPICS.eventsDeadLetter),
      (values) => values.length >= bad.length,
    );
    const letters = records.map((m) => m.value);
    // The raw message's key stays, unreadable JSON included.
    expect(records.map((m) => m.key)).toEqual(bad.map(() => 'x'));
    // Every dead letter is counted, unreadable ones too.
    const exposition = await (await fetch(`${ingest.url}/metrics`)).text();
    const counted = [...exposition.matchAll(/^ingest_dead_letters_total\{[^}]*\} (\d+)$/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
    expect(counted).toBe(records.length);
    expect(sampleOf(exposition, 'ingest_dead_letters_total', { app: 'ingest', code: 'invalid_json' })).toBe(2);
    const codes = letters.map((value) => (JSON.parse(value) as { errors: { code: string }[] }).errors.map((e) => e.code));
    for (const { reason } of bad) expect(codes.flat()).toContain(reason);
    for (const value of letters) expect(value).not.toContain(sample.person?.id as string);
    expect(letters.map((value) => JSON.parse(value) as { eventId?: string }).map((l) => l.eventId)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^BAD-REGION-/), expect.stringMatching(/^BAD-INST-/)]),
    );
    // Headers say what could be read, for routing without parsing: everything of a readable event,
    // only the schema version and the reason of unreadable JSON.
    const headersOf = (eventIdPrefix: string) => records.find((m) => (JSON.parse(m.value) as { eventId?: string }).eventId?.startsWith(eventIdPrefix))?.headers;
    expect(headersOf('BAD-REGION-')).toEqual(
      expectedRecordHeaders({
        eventId: expect.stringMatching(/^BAD-REGION-/),
        type: sample.type,
        institutionId: sample.institutionId,
        correlationId: traced,
        rejectionCode: 'unknown_region',
      }),
    );
    const unreadable = records.filter((m) => (JSON.parse(m.value) as { errors: { code: string }[] }).errors[0].code === 'invalid_json');
    expect(unreadable.map((m) => m.headers)).toEqual(
      bad.filter((b) => b.reason === 'invalid_json').map(() => expectedRecordHeaders({ rejectionCode: 'invalid_json' })),
    );
    for (const { headers } of records) expect(Object.values(headers).join()).not.toContain(sample.person?.id as string);
  });

  it('dead-letters a message not bound to its institution: forged, unsigned, tampered or signed with a revoked key', async () => {
    const [sample] = freshExamples();
    const other = freshExamples().find((e) => e.institutionId !== sample.institutionId)!;
    const own = await signerOf(sample.institutionId);
    const revoked = await issueRawSigner(pool, sample.institutionId);
    await pool.query('UPDATE institution_api_keys SET revoked_at = now() WHERE id = $1', [revoked.keyId]);
    const attempt = (tag: string) => ({ ...sample, eventId: `ATTACK-${tag}-${Date.now()}` });
    // Keyed as the real institution, claiming it, signed by another one: the reported forgery.
    const forged = attempt('FORGED');
    const forgedMessage = signed(own, other.institutionId, JSON.stringify({ ...forged, institutionId: other.institutionId }));
    const unsigned = attempt('UNSIGNED');
    const tampered = attempt('TAMPERED');
    const tamperedMessage = {
      ...signed(own, sample.institutionId, JSON.stringify(tampered)),
      value: JSON.stringify({ ...tampered, institutionId: other.institutionId }),
    };
    const withRevoked = attempt('REVOKED');
    const badTime = attempt('SIGNED-AT');
    const badTimeMessage = signed(own, sample.institutionId, JSON.stringify(badTime));
    badTimeMessage.headers[RAW_SIGNATURE_HEADERS.signedAt] = '0';
    await producer.send({
      topic: env.KAFKA_TOPIC_PREFIX + TOPICS.eventsRaw,
      messages: [
        forgedMessage,
        { key: sample.institutionId, value: JSON.stringify(unsigned) },
        tamperedMessage,
        signed(revoked, sample.institutionId, JSON.stringify(withRevoked)),
        badTimeMessage,
      ],
    });

    const expected: Record<string, string> = {
      [forged.eventId]: 'institution_mismatch',
      [unsigned.eventId]: 'unauthenticated_producer',
      [tampered.eventId]: 'unauthenticated_producer',
      [withRevoked.eventId]: 'unauthenticated_producer',
      [badTime.eventId]: 'unauthenticated_producer',
    };
    const letters = await eventually(
      async () =>
        (await readTopic(env, env.KAFKA_TOPIC_PREFIX + TOPICS.eventsDeadLetter)).map(
          (m) => JSON.parse(m.value) as { eventId?: string; errors: { code: string }[] },
        ),
      (all) => Object.keys(expected).every((id) => all.some((l) => l.eventId === id)),
    );
    const codes = Object.fromEntries(letters.filter((l) => l.eventId! in expected).map((l) => [l.eventId, l.errors.map((e) => e.code).join()]));
    expect(codes).toEqual(expected);
    const canonical = (await readTopic(env, env.KAFKA_TOPIC_PREFIX + TOPICS.events)).map((m) => JSON.parse(m.value) as CanonicalEvent);
    expect(canonical.filter((e) => e.eventId.startsWith('ATTACK-'))).toEqual([]);
  });

  it('stays up and healthy after bad input', async () => {
    expect(await ingest.healthy()).toBe(true);
  });
});
