import { Partitioners, Producer } from 'kafkajs';
import type { CanonicalEvent } from '@lib/contracts';
import { createKafkaClient } from '@lib/kafka';
import { eventually } from '../../support/app-process';
import { FaultBed } from './fault-bed';

/** Produces canonical events the way ingest does (key: the institution's county, acks from all replicas). */
export async function produceCanonical(producer: Producer, bed: FaultBed, events: readonly CanonicalEvent[]): Promise<void> {
  for (let i = 0; i < events.length; i += 1000) {
    await producer.send({
      topic: bed.topic('events'),
      acks: -1,
      messages: events.slice(i, i + 1000).map((e) => ({ key: e.institution.county, value: JSON.stringify(e) })),
    });
  }
}

export function canonicalProducer(bed: FaultBed): Producer {
  return createKafkaClient(bed.env, 'faults-producer').producer({ idempotent: true, createPartitioner: Partitioners.DefaultPartitioner });
}

/** Messages on the bed's canonical topic (sum over partitions). */
export async function topicSize(bed: FaultBed): Promise<number> {
  const admin = createKafkaClient(bed.env, 'faults-offsets').admin();
  await admin.connect();
  const offsets = await admin.fetchTopicOffsets(bed.topic('events'));
  await admin.disconnect();
  return offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
}

/** Messages the bed's aggregator group has applied (next offsets stored in PostgreSQL with the results). */
export async function applied(bed: FaultBed): Promise<number> {
  const { rows } = await bed.pool.query<{ n: string | null }>('SELECT sum(next_offset) AS n FROM consumer_offsets WHERE group_id = $1 AND topic = $2', [
    `${bed.env.KAFKA_GROUP_PREFIX}.aggregator`,
    bed.topic('events'),
  ]);
  return Number(rows[0].n ?? 0);
}

/** Waits until the aggregator has applied everything on the canonical topic; retries through a database outage. */
export async function settled(bed: FaultBed, timeoutMs = 90_000): Promise<void> {
  const total = await topicSize(bed);
  await eventually(
    () => applied(bed).catch(() => -1),
    (n) => n >= total,
    timeoutMs,
  );
}
