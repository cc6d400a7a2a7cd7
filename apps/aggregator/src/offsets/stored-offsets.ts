import type { TopicLog } from '@lib/kafka';

/** A partition's position as the aggregator stored it in `consumer_offsets`. */
export interface StoredOffset {
  partition: number;
  /** Next offset to read: everything below it counts as applied. */
  nextOffset: string;
  /** The cluster it was read from; null for rows stored before the cluster was recorded. */
  clusterId: string | null;
}

/** Why a stored offset cannot be resumed from. */
export type OffsetMismatch =
  /** The broker is another cluster (its data was rebuilt): the numbers point at other messages. */
  | { partition: number; problem: 'other-cluster'; stored: string; broker: string }
  /** Past the log end (topic recreated, broker data lost): resuming would skip the new messages below it. */
  | { partition: number; problem: 'beyond-log-end'; stored: string; broker: string }
  /** Below the log start: messages in between were deleted before they were applied (retention). */
  | { partition: number; problem: 'below-log-start'; stored: string; broker: string }
  /** The topic no longer has the partition. */
  | { partition: number; problem: 'no-such-partition'; stored: string; broker: string };

export interface OffsetsVerdict {
  /** Empty: every stored offset points into this log. */
  mismatches: OffsetMismatch[];
  /** Stored partitions whose rows carry no cluster id yet (adopt the broker's when accepted). */
  unidentified: number[];
}

/**
 * Checks every stored offset of a topic against the broker's log of it (all partitions, not only
 * the assigned ones: the topic is accepted or refused as a whole, by every instance alike). A
 * stored next offset equal to the log end is the normal caught-up case; equal to the log start, a
 * log whose applied messages all expired.
 */
export function checkStoredOffsets(stored: readonly StoredOffset[], log: TopicLog): OffsetsVerdict {
  const mismatches: OffsetMismatch[] = [];
  const partitions = new Map(log.partitions.map((p) => [p.partition, p]));
  for (const row of [...stored].sort((a, b) => a.partition - b.partition)) {
    const next = BigInt(row.nextOffset);
    const partition = partitions.get(row.partition);
    if (row.clusterId !== null && row.clusterId !== log.clusterId) {
      mismatches.push({ partition: row.partition, problem: 'other-cluster', stored: row.clusterId, broker: log.clusterId });
    } else if (!partition) {
      mismatches.push({ partition: row.partition, problem: 'no-such-partition', stored: row.nextOffset, broker: `${log.partitions.length} partitions` });
    } else if (next > BigInt(partition.end)) {
      mismatches.push({ partition: row.partition, problem: 'beyond-log-end', stored: row.nextOffset, broker: partition.end });
    } else if (next < BigInt(partition.start)) {
      mismatches.push({ partition: row.partition, problem: 'below-log-start', stored: row.nextOffset, broker: partition.start });
    }
  }
  const unidentified = stored.filter((row) => row.clusterId === null).map((row) => row.partition);
  return { mismatches, unidentified };
}

/**
 * One clause per kind of mismatch, e.g. `beyond-log-end: p3 stored 120 > log end 4, p7 stored 88 > log end 2`;
 * clusters once per pair: `other-cluster: stored cluster A, broker cluster B (p0, p1)`.
 */
export function describeMismatches(mismatches: readonly OffsetMismatch[]): string {
  const relation: Record<OffsetMismatch['problem'], string> = {
    'other-cluster': 'stored cluster %s, broker cluster %b',
    'beyond-log-end': 'stored %s > log end %b',
    'below-log-start': 'stored %s < log start %b',
    'no-such-partition': 'stored %s, topic has %b',
  };
  const clauses = new Map<string, string[]>();
  const add = (clause: string, part: string) => clauses.set(clause, [...(clauses.get(clause) ?? []), part]);
  for (const m of mismatches) {
    const text = relation[m.problem].replace('%s', m.stored).replace('%b', m.broker);
    if (m.problem === 'other-cluster') add(`${m.problem}: ${text}`, `p${m.partition}`);
    else add(m.problem, `p${m.partition} ${text}`);
  }
  return [...clauses]
    .map(([clause, parts]) => (clause.startsWith('other-cluster') ? `${clause} (${parts.join(', ')})` : `${clause}: ${parts.join(', ')}`))
    .join('; ');
}
