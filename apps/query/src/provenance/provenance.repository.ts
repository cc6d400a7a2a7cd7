import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Pool } from 'pg';
import type { CanonicalEvent } from '@lib/contracts';
import { inTransaction, PG_POOL } from '@lib/database';
import { CATALOGUE, eventOfSubject, isSingleEventSubject } from '@lib/indicators';
import type { QueryEnvironment } from '../query.environment';

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
  /** Subjects looked at, concerned or not. */
  limit: number;
}

export interface SubjectWindow {
  /** The subjects of the window with a current event concerning the area before the end of the period, in key order. */
  concerned: string[];
  /** The last subject of the window, where the next one starts; null once the prefix is exhausted. */
  scannedTo: string | null;
}

/** SQLSTATE of a statement cancelled by statement_timeout. */
const QUERY_CANCELED = '57014';

export class ProvenanceTimeoutError extends Error {
  constructor() {
    super('provenance query exceeded its statement timeout');
    this.name = 'ProvenanceTimeoutError';
  }
}

/**
 * Reads the aggregator's record of current event versions and subject memberships (event_versions,
 * subject_members, event_ledger) to find the events behind a value. Read-only.
 *
 * Keyset paging: a window of subjects is read in order from the cursor, and each is checked with
 * index lookups — the work per window is bounded whatever the region's size. Shared subjects (a
 * person's, a referral's) come from `subject_members` in key order off the index
 * `subject_members_subject_keyset` (byte order, so `<prefix>:` … `<prefix>;` bounds the prefix).
 * Single-event subjects (`evt:<institution>:<eventId>`) have no membership rows: they are the current
 * versions in `event_versions` whose subjects hold one, in the order of its primary key.
 * Every statement runs under PROVENANCE_STATEMENT_TIMEOUT_MS.
 */
@Injectable()
export class ProvenanceRepository {
  private readonly statementTimeoutMs: number;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    config: ConfigService<QueryEnvironment, true>,
  ) {
    this.statementTimeoutMs = config.get('PROVENANCE_STATEMENT_TIMEOUT_MS', { infer: true });
  }

  async subjectWindow(scan: SubjectScan): Promise<SubjectWindow> {
    if (isSingleEventSubject(`${scan.prefix}:`, CATALOGUE)) return this.singleEventWindow(scan);
    const rows = await this.query<{ subject: string; concerned: boolean }>(
      `WITH window_subjects AS MATERIALIZED (
         SELECT DISTINCT m.subject COLLATE "C" AS subject
         FROM subject_members m
         WHERE m.subject COLLATE "C" > COALESCE($6::text, $1 || ':') COLLATE "C"
           AND m.subject COLLATE "C" < ($1 || ';') COLLATE "C"
         ORDER BY 1
         LIMIT $5
       )
       SELECT w.subject, hit.yes IS NOT NULL AS concerned
       FROM window_subjects w
       LEFT JOIN LATERAL (
         SELECT true AS yes
         FROM subject_members m
         JOIN event_ledger l ON l.institution_id = m.institution_id AND l.event_id = m.event_id AND l.version = m.version
         WHERE m.subject COLLATE "C" = w.subject
           AND NOT l.voided
           AND l.occurred_at < $2
           AND CASE WHEN $3::text IS NOT NULL THEN l.institution_id = $3
                    ELSE (l.payload #>> '{institution,county}') = ANY($4)
                      OR (l.payload #>> '{person,residenceRegion}') = ANY($4)
                      OR (l.payload #>> '{referralParties,from,county}') = ANY($4) END
         LIMIT 1
       ) hit ON true
       ORDER BY w.subject`,
      [scan.prefix, scan.before, scan.institution ?? null, scan.counties, scan.limit, scan.after],
    );
    return {
      concerned: rows.filter((r) => r.concerned).map((r) => r.subject),
      scannedTo: rows.length < scan.limit ? null : rows[rows.length - 1].subject,
    };
  }

  private async singleEventWindow(scan: SubjectScan): Promise<SubjectWindow> {
    const after = scan.after === null ? null : eventOfSubject(scan.after, CATALOGUE);
    if (scan.after !== null && after === null) return { concerned: [], scannedTo: null };
    const rows = await this.query<{ subject: string; concerned: boolean }>(
      `WITH window_events AS MATERIALIZED (
         SELECT v.institution_id, v.event_id, v.version, s.subject
         FROM event_versions v
         CROSS JOIN LATERAL (
           SELECT x AS subject FROM unnest(v.subjects) AS x
           WHERE x COLLATE "C" > ($1 || ':') COLLATE "C" AND x COLLATE "C" < ($1 || ';') COLLATE "C"
           LIMIT 1
         ) s
         WHERE ($6::text IS NULL OR (v.institution_id, v.event_id) > ($6, $7))
           AND ($3::text IS NULL OR v.institution_id = $3)
         ORDER BY v.institution_id, v.event_id
         LIMIT $5
       )
       SELECT w.subject, hit.yes IS NOT NULL AS concerned
       FROM window_events w
       LEFT JOIN LATERAL (
         SELECT true AS yes
         FROM event_ledger l
         WHERE l.institution_id = w.institution_id AND l.event_id = w.event_id AND l.version = w.version
           AND NOT l.voided
           AND l.occurred_at < $2
           AND ($3::text IS NOT NULL
                OR (l.payload #>> '{institution,county}') = ANY($4)
                OR (l.payload #>> '{person,residenceRegion}') = ANY($4)
                OR (l.payload #>> '{referralParties,from,county}') = ANY($4))
       ) hit ON true
       ORDER BY w.institution_id, w.event_id`,
      [scan.prefix, scan.before, scan.institution ?? null, scan.counties, scan.limit, after?.institutionId ?? null, after?.eventId ?? null],
    );
    return {
      concerned: rows.filter((r) => r.concerned).map((r) => r.subject),
      scannedTo: rows.length < scan.limit ? null : rows[rows.length - 1].subject,
    };
  }

  async members(subjects: string[]): Promise<Map<string, CanonicalEvent[]>> {
    const members = new Map<string, CanonicalEvent[]>();
    if (subjects.length === 0) return members;
    const single = subjects.flatMap((subject) => {
      const event = eventOfSubject(subject, CATALOGUE);
      return event ? [{ subject, ...event }] : [];
    });
    const shared = subjects.filter((subject) => !isSingleEventSubject(subject, CATALOGUE));
    const rows = await this.query<{ subject: string; payload: CanonicalEvent }>(
      `SELECT m.subject, l.payload
       FROM subject_members m
       JOIN event_ledger l ON l.institution_id = m.institution_id AND l.event_id = m.event_id AND l.version = m.version
       WHERE m.subject = ANY($1::text[])
       UNION ALL
       SELECT k.subject, l.payload
       FROM unnest($2::text[], $3::text[], $4::text[]) AS k(subject, institution_id, event_id)
       JOIN event_versions v ON v.institution_id = k.institution_id AND v.event_id = k.event_id
       JOIN event_ledger l ON l.institution_id = v.institution_id AND l.event_id = v.event_id AND l.version = v.version
       WHERE k.subject = ANY(v.subjects)`,
      [shared, single.map((s) => s.subject), single.map((s) => s.institutionId), single.map((s) => s.eventId)],
    );
    for (const { subject, payload } of rows) members.set(subject, [...(members.get(subject) ?? []), payload]);
    return members;
  }

  private async query<Row extends object>(text: string, values: unknown[]): Promise<Row[]> {
    try {
      return await inTransaction(this.pool, async (client) => {
        await client.query(`SET LOCAL statement_timeout = ${this.statementTimeoutMs}`);
        return (await client.query<Row>(text, values)).rows;
      });
    } catch (error) {
      if ((error as { code?: string }).code === QUERY_CANCELED) throw new ProvenanceTimeoutError();
      throw error;
    }
  }
}
