import fc from 'fast-check';
import { Partitioners } from 'kafkajs';
import { CanonicalEvent } from '@lib/contracts';
import { createKafkaClient, KafkaConnection, RAW_MAX_MESSAGE_BYTES } from '@lib/kafka';
import { eventually } from '../support/app-process';
import { seedRegistry } from '../support/registry-fixture';
import { readTopic } from '../support/topic-reader';
import { freshExamples } from '../ingest/event-fixtures';
import { badBytes } from './support/bad-bytes';
import { badEvent } from './support/bad-events';
import { FaultBed } from './support/fault-bed';
import { FUZZ_SEED, size } from './support/fault-config';
import { recordFigures } from './support/figures';
import { Tally } from './support/http-client';

const MESSAGES = size(3000, 15_000);
/** The raw door refuses messages over 64 KiB; huge values stay below the broker's 1 MB message limit. */
const HUGE = 60_000;

/**
 * The same bad inputs straight into health.events.raw.v1: every message reaches the dead-letter
 * topic with a reason (counted by its source partition and offset, so none is missed or merged)
 * and none reaches the canonical topic. The topics are this test's own, so "none" means none.
 */
describe('fuzz: the raw Kafka topic', () => {
  const bed = new FaultBed('fuzz-raw');
  // The validator under fuzz, not the signature (test/ingest/kafka-door.test.ts): unsigned messages pass the identity check.
  const ingest = bed.app('ingest', 3992, { RAW_DOOR_SIGNATURES: 'optional' });
  const kinds = new Tally();

  beforeAll(async () => {
    await seedRegistry(bed.pool);
    await bed.setup();
    await ingest.start();
  });

  afterAll(async () => {
    await ingest.stop();
    await bed.teardown();
  });

  it(`dead-letters ${MESSAGES} bad messages with reasons, none canonical`, async () => {
    const bases = freshExamples();
    const arbitrary = fc
      .constantFrom(...bases)
      .chain((base) =>
        fc.oneof(
          { arbitrary: badEvent(base, HUGE).map((b) => ({ kind: b.kind, value: Buffer.from(b.text) })), weight: 4 },
          { arbitrary: badBytes(base).map((b) => ({ kind: b.kind, value: b.bytes })), weight: 1 },
        ),
      );
    const messages = fc.sample(arbitrary, { seed: FUZZ_SEED + 3, numRuns: MESSAGES });
    for (const m of messages) kinds.add(m.kind);

    const producer = createKafkaClient(bed.env, 'faults-raw').producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    // Sends in requests under the raw topic's batch limit (huge values are part of the fuzz): no
    // partition's batch can pass it.
    let chunk: { key: string; value: Buffer }[] = [];
    let bytes = 0;
    const flush = async () => {
      if (chunk.length > 0) await producer.send({ topic: bed.topic('eventsRaw'), acks: -1, messages: chunk });
      chunk = [];
      bytes = 0;
    };
    for (const [n, m] of messages.entries()) {
      if (bytes + m.value.length > RAW_MAX_MESSAGE_BYTES - 64 * 1024) await flush();
      chunk.push({ key: `k${n % 7}`, value: m.value });
      bytes += m.value.length;
    }
    await flush();
    await producer.disconnect();
    // The raw topic is this test's own: every (partition, offset) below its end is one of our messages.
    const sent = await offsetsOf(bed.env, bed.topic('eventsRaw'));

    const letters = await eventually(
      async () =>
        (await readTopic(bed.env, bed.topic('eventsDeadLetter'))).map(
          (m) => JSON.parse(m.value) as { errors: { code: string }[]; source: { partition: number; offset: string } },
        ),
      (l) => l.length >= messages.length,
      90_000,
    );
    const lettered = new Set(letters.map((l) => `${l.source.partition}:${l.source.offset}`));
    const withoutReason = letters.filter((l) => !(l.errors.length > 0 && l.errors.every((e) => typeof e.code === 'string')));
    const missing = [...sent].filter((s) => !lettered.has(s));
    const canonical = (await readTopic(bed.env, bed.topic('events'))).map((m) => JSON.parse(m.value) as CanonicalEvent);
    const codes = new Tally();
    for (const l of letters) for (const e of l.errors) codes.add(e.code);

    recordFigures('fuzz-raw-topic', {
      messages: messages.length,
      byKind: kinds.counts,
      deadLettered: lettered.size,
      missing: missing.length,
      canonical: canonical.length,
      reasons: codes.counts,
    });
    expect(sent.size).toBe(messages.length);
    expect(missing).toEqual([]);
    expect(lettered.size).toBe(messages.length);
    expect(letters.length).toBe(messages.length); // one letter per message, none doubled
    expect(withoutReason).toEqual([]);
    expect(canonical).toEqual([]);
    expect(await ingest.healthy()).toBe(true);
  }, 180_000);
});

async function offsetsOf(connection: KafkaConnection, topic: string): Promise<Set<string>> {
  const admin = createKafkaClient(connection, 'faults-offsets').admin();
  await admin.connect();
  const partitions = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  const all = new Set<string>();
  for (const p of partitions) for (let o = Number(p.low); o < Number(p.high); o += 1) all.add(`${p.partition}:${o}`);
  return all;
}
