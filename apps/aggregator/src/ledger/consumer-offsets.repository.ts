import { Inject, Injectable } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { PG_POOL } from '@lib/database';

/**
 * Owns `consumer_offsets`: the next offset per (group, topic, partition), written in the same
 * transaction as the results, so the results and the position can never disagree.
 */
@Injectable()
export class ConsumerOffsetsRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async load(groupId: string, topic: string, partitions: number[]): Promise<Map<number, string>> {
    const { rows } = await this.pool.query<{ partition: number; next_offset: string }>(
      'SELECT partition, next_offset FROM consumer_offsets WHERE group_id = $1 AND topic = $2 AND partition = ANY($3)',
      [groupId, topic, partitions],
    );
    return new Map(rows.map((r) => [r.partition, r.next_offset]));
  }

  /**
   * Locks the partitions' rows for the transaction, in partition order (so two transactions can
   * never wait for each other here), and returns each one's next offset (0 if new).
   */
  async lockNext(client: PoolClient, groupId: string, topic: string, partitions: number[]): Promise<Map<number, bigint>> {
    const sorted = [...new Set(partitions)].sort((a, b) => a - b);
    await client.query(
      `INSERT INTO consumer_offsets (group_id, topic, partition, next_offset)
       SELECT $1, $2, p, 0 FROM unnest($3::int[]) AS p
       ON CONFLICT DO NOTHING`,
      [groupId, topic, sorted],
    );
    const { rows } = await client.query<{ partition: number; next_offset: string }>(
      `SELECT partition, next_offset FROM consumer_offsets
       WHERE group_id = $1 AND topic = $2 AND partition = ANY($3::int[])
       ORDER BY partition
       FOR UPDATE`,
      [groupId, topic, sorted],
    );
    return new Map(rows.map((r) => [r.partition, BigInt(r.next_offset)]));
  }

  async save(client: PoolClient, groupId: string, topic: string, nextOffsets: ReadonlyMap<number, string>): Promise<void> {
    if (nextOffsets.size === 0) return;
    await client.query(
      `UPDATE consumer_offsets o SET next_offset = n.next_offset, updated_at = now()
       FROM unnest($3::int[], $4::bigint[]) AS n(partition, next_offset)
       WHERE o.group_id = $1 AND o.topic = $2 AND o.partition = n.partition`,
      [groupId, topic, [...nextOffsets.keys()], [...nextOffsets.values()]],
    );
  }
}
