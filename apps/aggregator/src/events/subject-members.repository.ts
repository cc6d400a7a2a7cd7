import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { CanonicalEvent } from '@lib/contracts';
import type { SubjectKey } from '@lib/indicators';
import type { MembershipRow } from '../counting/plan-subject-changes';

/** Owns `subject_members`: the current event versions of each subject (the events themselves stay in event_ledger). */
@Injectable()
export class SubjectMembersRepository {
  /** Every current event of these subjects, in one query for the whole batch. Lock the subjects first. */
  async load(client: PoolClient, subjects: readonly SubjectKey[]): Promise<Map<SubjectKey, CanonicalEvent[]>> {
    const members = new Map<SubjectKey, CanonicalEvent[]>();
    if (subjects.length === 0) return members;
    // An index lookup per subject, then per member (the OFFSET 0 keeps each a separate lookup): with
    // the statistics of a table growing fast (a backfill), the planner otherwise hashed the whole
    // ledger for every transaction, a cost growing with history instead of with the members read.
    const { rows } = await client.query<{ subject: string; payload: CanonicalEvent }>(
      `SELECT s.subject, l.payload
       FROM unnest($1::text[]) AS s(subject)
       CROSS JOIN LATERAL (
         SELECT m.institution_id, m.event_id, m.version FROM subject_members m WHERE m.subject = s.subject OFFSET 0
       ) m
       CROSS JOIN LATERAL (
         SELECT e.payload FROM event_ledger e
         WHERE e.institution_id = m.institution_id AND e.event_id = m.event_id AND e.version = m.version OFFSET 0
       ) l`,
      [subjects],
    );
    for (const { subject, payload } of rows) {
      const list = members.get(subject);
      if (list) list.push(payload);
      else members.set(subject, [payload]);
    }
    return members;
  }

  async remove(client: PoolClient, rows: ReadonlyArray<Omit<MembershipRow, 'version'>>): Promise<void> {
    if (rows.length === 0) return;
    await client.query(
      `DELETE FROM subject_members m
       USING unnest($1::text[], $2::text[], $3::text[]) AS r(subject, institution_id, event_id)
       WHERE m.subject = r.subject AND m.institution_id = r.institution_id AND m.event_id = r.event_id`,
      [rows.map((r) => r.subject), rows.map((r) => r.institutionId), rows.map((r) => r.eventId)],
    );
  }

  async upsert(client: PoolClient, rows: readonly MembershipRow[]): Promise<void> {
    if (rows.length === 0) return;
    await client.query(
      `INSERT INTO subject_members (subject, institution_id, event_id, version)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[])
       ON CONFLICT (subject, institution_id, event_id) DO UPDATE SET version = EXCLUDED.version`,
      [rows.map((r) => r.subject), rows.map((r) => r.institutionId), rows.map((r) => r.eventId), rows.map((r) => r.version)],
    );
  }
}
