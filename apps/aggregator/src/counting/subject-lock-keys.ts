import { createHash } from 'node:crypto';
import type { SubjectKey } from '@lib/indicators';

/**
 * The advisory-lock keys of a set of subjects, unique and ascending: every transaction takes its
 * locks in this one order, so two batches sharing subjects (a person seen in two counties' partitions)
 * wait for each other instead of deadlocking. A 32-bit hash may collide: two subjects then share a
 * lock, which only serialises a little more.
 */
export function subjectLockKeys(subjects: readonly SubjectKey[]): number[] {
  const keys = new Set<number>();
  for (const s of subjects) keys.add(createHash('sha1').update(s).digest().readInt32BE(0));
  return [...keys].sort((a, b) => a - b);
}
