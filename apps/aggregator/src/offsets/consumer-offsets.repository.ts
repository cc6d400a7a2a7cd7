import { Inject, Injectable } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { inTransaction, PG_POOL } from '@lib/database';
import type { TopicLog } from '@lib/kafka';
import type { StoredOffset } from './stored-offsets';

/**
 * Owns `consumer_offsets`: the next offset per (group, topic, partition), written in the same
 * transaction as the results, so the results and the position can never disagree; with the Kafka
 * cluster the offsets were read from, so they are never resumed in another log.
 */
@Injectable()
export class ConsumerOffsetsRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** Every stored partition of the topic (checked as a whole at each assignment). */
  async loadTopic(groupId: string, topic: string): Promise<StoredOffset[]> {
    const { rows } = await this.pool.query<{ partition: number; next_offset: string; cluster_id: string | null }>(
      'SELECT partition, next_offset, cluster_id FROM consumer_offsets WHERE group_id = $1 AND topic = $2 ORDER BY partition',
      [groupId, topic],
    );
    return rows.map((r) => ({ partition: r.partition, nextOffset: r.next_offset, clusterId: r.cluster_id }));
  }

  /** Rows stored before the cluster was recorded take the cluster they were just checked against. */
  async adoptCluster(groupId: string, topic: string, clusterId: string): Promise<void> {
    await this.pool.query('UPDATE consumer_offsets SET cluster_id = $3 WHERE group_id = $1 AND topic = $2 AND cluster_id IS NULL', [groupId, topic, clusterId]);
  }

  /**
   * Locks the partitions' rows for the transaction, in partition order (so two transactions can
   * never wait for each other here), and returns each one's next offset (0 if new; a new row records
   * the cluster the batch was read from).
   */
  async lockNext(client: PoolClient, groupId: string, topic: string, partitions: number[], clusterId: string | null = null): Promise<Map<number, bigint>> {
    const sorted = [...new Set(partitions)].sort((a, b) => a - b);
    await client.query(
      `INSERT INTO consumer_offsets (group_id, topic, partition, next_offset, cluster_id)
       SELECT $1, $2, p, 0, $4 FROM unnest($3::int[]) AS p
       ON CONFLICT DO NOTHING`,
      [groupId, topic, sorted, clusterId],
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

  /**
   * The operator's re-seed after the broker's log was replaced: every partition of the topic starts
   * again at the log start, in this cluster; rows of partitions the topic no longer has go. Locks
   * the topic's rows first, so a running transaction finishes before (and the aggregator's next
   * assignment check sees the new rows). Returns the rows as they were.
   */
  async reseed(groupId: string, topic: string, log: TopicLog): Promise<StoredOffset[]> {
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<{ partition: number; next_offset: string; cluster_id: string | null }>(
        `SELECT partition, next_offset, cluster_id FROM consumer_offsets WHERE group_id = $1 AND topic = $2 ORDER BY partition FOR UPDATE`,
        [groupId, topic],
      );
      await client.query('DELETE FROM consumer_offsets WHERE group_id = $1 AND topic = $2 AND NOT (partition = ANY($3::int[]))', [
        groupId,
        topic,
        log.partitions.map((p) => p.partition),
      ]);
      await client.query(
        `INSERT INTO consumer_offsets (group_id, topic, partition, next_offset, cluster_id)
         SELECT $1, $2, p.partition, p.start, $5 FROM unnest($3::int[], $4::bigint[]) AS p(partition, start)
         ON CONFLICT (group_id, topic, partition) DO UPDATE SET next_offset = EXCLUDED.next_offset, cluster_id = EXCLUDED.cluster_id, updated_at = now()`,
        [groupId, topic, log.partitions.map((p) => p.partition), log.partitions.map((p) => p.start), log.clusterId],
      );
      return rows.map((r) => ({ partition: r.partition, nextOffset: r.next_offset, clusterId: r.cluster_id }));
    });
  }
}
