import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { SubjectKey } from '@lib/indicators';
import { subjectLockKeys } from '../counting/subject-lock-keys';

/** Advisory-lock namespace of the aggregator's subjects (first key of the two-key form). */
const SUBJECT_LOCK_SPACE = 4_004;

/**
 * Transaction-scoped advisory locks on subjects. Two partitions' batches can share a subject (a
 * chronic patient followed up in two counties): each must see the other's committed members before
 * computing its own before/after, so they take the subject's lock first. Locks are taken in
 * ascending key order in one statement (unnest yields the array's order) and released at COMMIT.
 */
@Injectable()
export class SubjectLocksRepository {
  async lockAll(client: PoolClient, subjects: readonly SubjectKey[]): Promise<void> {
    if (subjects.length === 0) return;
    await client.query('SELECT pg_advisory_xact_lock($1::int, k) FROM unnest($2::int[]) AS k', [SUBJECT_LOCK_SPACE, subjectLockKeys(subjects)]);
  }
}
