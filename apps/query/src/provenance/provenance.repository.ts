import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type { CanonicalEvent } from '@lib/contracts';
import { PG_POOL } from '@lib/database';

export interface SubjectScan {
  /** Subject key prefix of the indicator (`visit`, `chronic`...). */
  prefix: string;
  /** Events that happened before this instant can matter. */
  before: Date;
  /** Counties whose institutions, residents or referral senders the events concern. */
  counties: string[];
  /** Institution-level cells: only this institution's events. */
  institution?: string;
  after: string | null;
  limit: number;
}

/**
 * Reads the aggregator's record of current event versions and subject memberships (event_versions,
 * subject_members, event_ledger) to find the events behind a value. Read-only.
 */
@Injectable()
export class ProvenanceRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** Candidate subjects, in key order from `after`: those with a current event concerning the area before the end of the period. */
  async candidateSubjects(scan: SubjectScan): Promise<string[]> {
    const { rows } = await this.pool.query<{ subject: string }>(
      `SELECT DISTINCT s.subject
       FROM event_versions v
       CROSS JOIN LATERAL unnest(v.subjects) AS s(subject)
       JOIN event_ledger l ON l.institution_id = v.institution_id AND l.event_id = v.event_id AND l.version = v.version
       WHERE NOT v.voided
         AND starts_with(s.subject, $1 || ':')
         AND l.occurred_at < $2
         AND ($6::text IS NULL OR s.subject > $6)
         AND CASE WHEN $3::text IS NOT NULL THEN l.institution_id = $3
                  ELSE (l.payload #>> '{institution,county}') = ANY($4)
                    OR (l.payload #>> '{person,residenceRegion}') = ANY($4)
                    OR (l.payload #>> '{referralParties,from,county}') = ANY($4) END
       ORDER BY s.subject
       LIMIT $5`,
      [scan.prefix, scan.before, scan.institution ?? null, scan.counties, scan.limit, scan.after],
    );
    return rows.map((r) => r.subject);
  }

  async members(subjects: string[]): Promise<Map<string, CanonicalEvent[]>> {
    const members = new Map<string, CanonicalEvent[]>();
    if (subjects.length === 0) return members;
    const { rows } = await this.pool.query<{ subject: string; payload: CanonicalEvent }>(
      `SELECT m.subject, l.payload
       FROM subject_members m
       JOIN event_ledger l ON l.institution_id = m.institution_id AND l.event_id = m.event_id AND l.version = m.version
       WHERE m.subject = ANY($1::text[])`,
      [subjects],
    );
    for (const { subject, payload } of rows) members.set(subject, [...(members.get(subject) ?? []), payload]);
    return members;
  }
}
