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

  /** Locks the partition's row for the transaction and returns its next offset ('0' if new). */
  async lockNext(client: PoolClient, groupId: string, topic: string, partition: number): Promise<bigint> {
    await client.query(
      `INSERT INTO consumer_offsets (group_id, topic, partition, next_offset) VALUES ($1, $2, $3, 0)
       ON CONFLICT DO NOTHING`,
      [groupId, topic, partition],
    );
    const { rows } = await client.query<{ next_offset: string }>(
      'SELECT next_offset FROM consumer_offsets WHERE group_id = $1 AND topic = $2 AND partition = $3 FOR UPDATE',
      [groupId, topic, partition],
    );
    return BigInt(rows[0].next_offset);
  }

  async save(client: PoolClient, groupId: string, topic: string, partition: number, nextOffset: string): Promise<void> {
    await client.query(
      `UPDATE consumer_offsets SET next_offset = $4, updated_at = now()
       WHERE group_id = $1 AND topic = $2 AND partition = $3`,
      [groupId, topic, partition, nextOffset],
    );
  }
}
