import { readFileSync } from 'node:fs';
import { CompressionTypes, Partitioners, Producer } from 'kafkajs';
import { createKafkaClient } from '@lib/kafka';
import { eventually } from '../support/app-process';
import { seedRegistry } from '../support/registry-fixture';
import { readTopic } from '../support/topic-reader';
import { freshExamples } from '../ingest/event-fixtures';
import { FaultBed } from './support/fault-bed';
import { recordFigures } from './support/figures';
import { writeZstdWithReferenceTool } from './support/reference-zstd';

const MiB = 1024 * 1024;

interface Letter {
  errors: { code: string }[];
  source: { partition: number; offset: string };
}

/**
 * Record batches a careless or hostile producer puts on the raw topic: compressed with each codec
 * Kafka producers use, and a gzip bomb (~200 KB inflating to 200 MB). Valid events in compressed
 * batches are counted by the aggregator like any others; the bomb is dead-lettered with its reason
 * without being inflated, and the partition moves on. The topics are this test's own.
 */
describe('poison record batches on the raw topic', () => {
  const bed = new FaultBed('poison');
  // Codecs under test, not the signature (test/ingest/kafka-door.test.ts): unsigned messages pass the identity check.
  const ingest = bed.app('ingest', 3994, { RAW_DOOR_SIGNATURES: 'optional' });
  const aggregator = bed.app('aggregator', 3995);
  let producer: Producer;

  beforeAll(async () => {
    writeZstdWithReferenceTool();
    await seedRegistry(bed.pool);
    await bed.setup();
    await Promise.all([ingest.start(), aggregator.start()]);
    producer = createKafkaClient(bed.env, 'faults-poison').producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await Promise.all([ingest.stop(), aggregator.stop()]);
    await bed.teardown();
  });

  /** Sends fresh valid events in one request with this compression (keyed by institution, or all by `key`); returns their eventIds. */
  async function sendValid(compression: CompressionTypes, key?: string): Promise<string[]> {
    const events = freshExamples();
    await producer.send({
      topic: bed.topic('eventsRaw'),
      acks: -1,
      compression,
      messages: events.map((e) => ({ key: key ?? e.institutionId, value: JSON.stringify(e) })),
    });
    return events.map((e) => e.eventId);
  }

  async function counted(eventIds: string[]): Promise<number> {
    const { rows } = await bed.pool.query<{ n: number }>('SELECT count(DISTINCT event_id)::int AS n FROM event_ledger WHERE event_id = ANY($1)', [eventIds]);
    return rows[0].n;
  }

  /** Whether the raw door's group has committed every partition of the raw topic up to its end. */
  async function caughtUp(): Promise<boolean> {
    const admin = createKafkaClient(bed.env, 'faults-poison-offsets').admin();
    await admin.connect();
    try {
      const ends = await admin.fetchTopicOffsets(bed.topic('eventsRaw'));
      const [group] = await admin.fetchOffsets({ groupId: `${bed.env.KAFKA_GROUP_PREFIX}.ingest-raw`, topics: [bed.topic('eventsRaw')] });
      return ends.every((end) => group.partitions.find((p) => p.partition === end.partition)?.offset === end.high || end.high === end.low);
    } finally {
      await admin.disconnect();
    }
  }

  it('counts valid events sent in snappy, lz4 and zstd batches among plain ones; nothing is stuck', async () => {
    const sent = [
      ...(await sendValid(CompressionTypes.None)),
      ...(await sendValid(CompressionTypes.Snappy)),
      ...(await sendValid(CompressionTypes.LZ4)),
      ...(await sendValid(CompressionTypes.ZSTD)),
      ...(await sendValid(CompressionTypes.None)),
    ];
    const n = await eventually(
      () => counted(sent),
      (c) => c === sent.length,
      90_000,
    );
    expect(n).toBe(sent.length);
    expect(await eventually(caughtUp, (done) => done)).toBe(true);
    expect(await readTopic(bed.env, bed.topic('eventsDeadLetter'))).toEqual([]);
    expect(await ingest.healthy()).toBe(true);
  }, 180_000);

  it('dead-letters a gzip bomb with its reason, moves past it, and keeps ingest memory bounded', async () => {
    const peakBefore = peakRssBytes(ingest.pid);
    const key = 'bomb';
    const [bomb] = await producer.send({
      topic: bed.topic('eventsRaw'),
      acks: -1,
      compression: CompressionTypes.GZIP,
      messages: [{ key, value: Buffer.alloc(200 * MiB) }],
    });
    // Later events in the bomb's partition (same key) are processed all the same.
    const after = await sendValid(CompressionTypes.None, key);

    const letters = await eventually(
      async () => (await readTopic(bed.env, bed.topic('eventsDeadLetter'))).map((m) => JSON.parse(m.value) as Letter),
      (l) => l.length >= 1,
      90_000,
    );
    const peakAfter = peakRssBytes(ingest.pid);
    recordFigures('poison-batches', {
      bombInflatesToMiB: 200,
      deadLetterCodes: letters.flatMap((l) => l.errors.map((e) => e.code)),
      ingestPeakRssMiB: { beforeBomb: Math.round(peakBefore / MiB), afterBomb: Math.round(peakAfter / MiB) },
    });
    // Inflated, the bomb alone would add 200 MiB (measured before the bound: +435 MB RSS).
    expect(peakAfter - peakBefore).toBeLessThan(64 * MiB);
    expect(letters).toEqual([expect.objectContaining({ source: expect.objectContaining({ partition: bomb.partition, offset: bomb.baseOffset }) })]);
    expect(letters[0].errors.map((e) => e.code)).toEqual(['decompressed_too_large']);
    expect(
      await eventually(
        () => counted(after),
        (c) => c === after.length,
        90_000,
      ),
    ).toBe(after.length);
    expect(await eventually(caughtUp, (done) => done)).toBe(true);
    const metrics = await (await fetch(`${ingest.url}/metrics`)).text();
    expect(metrics).toMatch(/kafka_undecodable_batches_total\{[^}]*codec="gzip"[^}]*reason="too_large"[^}]*\} 1/);
    expect(await ingest.healthy()).toBe(true);
  }, 180_000);
});

/** The process's peak resident memory so far (VmHWM). */
function peakRssBytes(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
  if (!kib) throw new Error(`no VmHWM for process ${pid}`);
  return Number(kib) * 1024;
}
