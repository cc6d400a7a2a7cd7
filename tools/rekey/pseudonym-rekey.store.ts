import type { ClientBase } from 'pg';

const CHUNK = 5000;

/** One stored pseudonym and what it becomes, raw (ledger payloads) and as a subject key part. */
export interface RekeyedPseudonym {
  old: string;
  new: string;
  oldPart: string;
  newPart: string;
}

/** Ledger rows per key id of their `person.id`; `none` counts ids that are not pseudonyms at all. */
export type KeyCensus = Record<string, number>;

export interface RewrittenRows {
  ledgerRows: number;
  versionRows: number;
  memberRows: number;
  /** Re-keyed subjects that already existed under the current key (see pseudonym_rekeys.merged_subjects). */
  mergedSubjects: number;
}

/** A regular expression matching the pseudonyms of the given keys (key ids are letters and digits only). */
const pseudonymsOfKeys = (keyIds: readonly string[]) => `^hmac-sha256:(${keyIds.join('|')}):[0-9a-f]{64}$`;
/** The same, as a part of a subject key (where `:` is escaped as `%3A`, see subjectKeyPart). */
const subjectPartsOfKeys = (keyIds: readonly string[]) => `^hmac-sha256%3A(${keyIds.join('|')})%3A[0-9a-f]{64}$`;

/**
 * The SQL of the pseudonym re-key (tools/rekey-pseudonyms.ts) over every table that holds a person's
 * pseudonym: `event_ledger` (person.id of the payload), `event_versions.subjects` and
 * `subject_members.subject` (subject keys such as `vax:<pseudonym>:HepB:1`). One transaction with
 * the three tables locked: all of them move to the new key, or none does.
 */
export class PseudonymRekeyStore {
  constructor(private readonly client: ClientBase) {}

  /**
   * Starts the transaction, locks the tables against writers (to rewrite them; readers go on), and
   * prepares the mapping table and the functions that read subject keys. `personParts`: subject
   * prefix → 1-based part of the key that is the person; only that part of a subject is read or rewritten.
   */
  async begin(personParts: ReadonlyMap<string, number>, lock: boolean): Promise<void> {
    await this.client.query('BEGIN');
    if (lock) await this.client.query('LOCK TABLE event_ledger, event_versions, subject_members IN EXCLUSIVE MODE');
    // The mapping lives for this transaction only: dropped at commit, never stored.
    await this.client.query(
      `CREATE TEMP TABLE pseudonym_rekey (old text PRIMARY KEY, new text NOT NULL, old_part text NOT NULL UNIQUE, new_part text NOT NULL) ON COMMIT DROP`,
    );
    await this.client.query(`CREATE TEMP TABLE person_subject_parts (prefix text PRIMARY KEY, part int NOT NULL) ON COMMIT DROP`);
    await this.client.query(`INSERT INTO person_subject_parts (prefix, part) SELECT * FROM unnest($1::text[], $2::int[])`, [
      [...personParts.keys()],
      [...personParts.values()],
    ]);
    // Created after their tables, which a SQL function's body is checked against.
    await this.client.query(
      `CREATE OR REPLACE FUNCTION pg_temp.subject_person(subject text) RETURNS text LANGUAGE sql STABLE AS $$
         SELECT (string_to_array(subject, ':'))[p.part] FROM person_subject_parts p WHERE p.prefix = split_part(subject, ':', 1)
       $$`,
    );
    await this.client.query(
      `CREATE OR REPLACE FUNCTION pg_temp.rekeyed_subject(subject text) RETURNS text LANGUAGE sql STABLE AS $$
         SELECT coalesce((
           SELECT array_to_string(k.parts[1:p.part - 1] || r.new_part || k.parts[p.part + 1:], ':')
           FROM (SELECT string_to_array(subject, ':') AS parts) AS k
           JOIN person_subject_parts p ON p.prefix = k.parts[1]
           JOIN pseudonym_rekey r ON r.old_part = k.parts[p.part]
         ), subject)
       $$`,
    );
  }

  async commit(): Promise<void> {
    await this.client.query('COMMIT');
  }

  async rollback(): Promise<void> {
    await this.client.query('ROLLBACK');
  }

  /** How many ledger rows carry a pseudonym of each key (a full scan: it is the audit of the run). */
  async census(): Promise<KeyCensus> {
    const { rows } = await this.client.query<{ key_id: string; n: string }>(
      `SELECT CASE WHEN id ~ '^hmac-sha256:[A-Za-z0-9]{1,8}:[0-9a-f]{64}$' THEN split_part(id, ':', 2) ELSE 'none' END AS key_id, count(*) AS n
       FROM (SELECT payload->'person'->>'id' AS id FROM event_ledger WHERE payload->'person'->>'id' IS NOT NULL) AS people
       GROUP BY 1 ORDER BY 1`,
    );
    return Object.fromEntries(rows.map((r) => [r.key_id, Number(r.n)]));
  }

  /** The distinct pseudonyms of the given keys in the ledger, a chunk at a time (server-side cursor). */
  async *pseudonymsOf(keyIds: readonly string[]): AsyncGenerator<string[]> {
    await this.client.query(
      `DECLARE stale_pseudonyms NO SCROLL CURSOR FOR
       SELECT DISTINCT payload->'person'->>'id' AS id FROM event_ledger WHERE payload->'person'->>'id' ~ $1`,
      [pseudonymsOfKeys(keyIds)],
    );
    for (;;) {
      const { rows } = await this.client.query<{ id: string }>(`FETCH ${CHUNK} FROM stale_pseudonyms`);
      if (rows.length === 0) break;
      yield rows.map((r) => r.id);
    }
    await this.client.query('CLOSE stale_pseudonyms');
  }

  async stage(pseudonyms: readonly RekeyedPseudonym[]): Promise<void> {
    await this.client.query(
      `INSERT INTO pseudonym_rekey (old, new, old_part, new_part)
       SELECT old, new, "oldPart", "newPart" FROM jsonb_to_recordset($1::jsonb) AS r(old text, new text, "oldPart" text, "newPart" text)`,
      [JSON.stringify(pseudonyms)],
    );
  }

  /** Rewrites every staged pseudonym where it is stored: the payloads' person.id and the person part of subject keys. */
  async rewrite(keyIds: readonly string[]): Promise<RewrittenRows> {
    const parts = subjectPartsOfKeys(keyIds);
    const merged = await this.client.query<{ n: string }>(
      `SELECT count(DISTINCT pg_temp.rekeyed_subject(subject)) AS n FROM subject_members m
       WHERE pg_temp.subject_person(subject) ~ $1 AND EXISTS (SELECT 1 FROM subject_members c WHERE c.subject = pg_temp.rekeyed_subject(m.subject))`,
      [parts],
    );
    const ledger = await this.client.query(
      `UPDATE event_ledger l SET payload = jsonb_set(l.payload, '{person,id}', to_jsonb(r.new))
       FROM pseudonym_rekey r WHERE l.payload->'person'->>'id' = r.old`,
    );
    const versions = await this.client.query(
      `UPDATE event_versions SET subjects = ARRAY(SELECT pg_temp.rekeyed_subject(s) FROM unnest(subjects) WITH ORDINALITY AS u(s, n) ORDER BY n)
       WHERE EXISTS (SELECT 1 FROM unnest(subjects) AS s WHERE pg_temp.subject_person(s) ~ $1)`,
      [parts],
    );
    const members = await this.client.query(
      `UPDATE subject_members SET subject = pg_temp.rekeyed_subject(subject) WHERE pg_temp.subject_person(subject) ~ $1`,
      [parts],
    );
    return {
      ledgerRows: ledger.rowCount ?? 0,
      versionRows: versions.rowCount ?? 0,
      memberRows: members.rowCount ?? 0,
      mergedSubjects: Number(merged.rows[0].n),
    };
  }

  /** Rows that still hold a pseudonym of the given keys, per table (all zero after a complete rewrite). */
  async remaining(keyIds: readonly string[]): Promise<{ ledger: number; versions: number; members: number }> {
    const { rows } = await this.client.query<{ ledger: string; versions: string; members: string }>(
      `SELECT (SELECT count(*) FROM event_ledger WHERE payload->'person'->>'id' ~ $1) AS ledger,
              (SELECT count(*) FROM event_versions WHERE EXISTS (SELECT 1 FROM unnest(subjects) AS s WHERE pg_temp.subject_person(s) ~ $2)) AS versions,
              (SELECT count(*) FROM subject_members WHERE pg_temp.subject_person(subject) ~ $2) AS members`,
      [pseudonymsOfKeys(keyIds), subjectPartsOfKeys(keyIds)],
    );
    return { ledger: Number(rows[0].ledger), versions: Number(rows[0].versions), members: Number(rows[0].members) };
  }

  async record(keyId: string, fromKeyIds: readonly string[], people: number, rows: RewrittenRows): Promise<void> {
    await this.client.query(
      `INSERT INTO pseudonym_rekeys (key_id, from_key_ids, people, ledger_rows, version_rows, member_rows, merged_subjects)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [keyId, fromKeyIds, people, rows.ledgerRows, rows.versionRows, rows.memberRows, rows.mergedSubjects],
    );
  }
}
