import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '@lib/database';
import type { ImportFormat } from './import-rows';

/** What the operator authorised for one import: fixed when it starts, the same for every upload that resumes it. */
export interface ImportAuthorisation {
  id: string;
  authorisedBy: string;
  maxAgeDays: number;
  format: ImportFormat;
  family: string | null;
  fileName: string | null;
}

export interface ImportTally {
  rowsRead: number;
  accepted: number;
  duplicate: number;
  rejected: number;
}

export interface ImportRecord extends ImportAuthorisation, ImportTally {
  startedAt: string;
  updatedAt: string;
  nextRow: number;
}

const COLUMNS = `id, authorised_by AS "authorisedBy", max_age_days AS "maxAgeDays", format, family, file_name AS "fileName",
  started_at AS "startedAt", updated_at AS "updatedAt", next_row::float8 AS "nextRow", rows_read::float8 AS "rowsRead",
  accepted::float8 AS accepted, duplicate::float8 AS duplicate, rejected::float8 AS rejected`;

/** Owns `event_imports`: each bulk import's authorisation and progress. */
@Injectable()
export class EventImportsRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** Starts the import, or finds it when an upload resumes it; `undefined` when the id exists with another authorisation. */
  async open(authorisation: ImportAuthorisation): Promise<ImportRecord | undefined> {
    const { id, authorisedBy, maxAgeDays, format, family, fileName } = authorisation;
    await this.pool.query(
      `INSERT INTO event_imports (id, authorised_by, max_age_days, format, family, file_name) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO NOTHING`,
      [id, authorisedBy, maxAgeDays, format, family, fileName],
    );
    const found = await this.find(id);
    const same = found && found.authorisedBy === authorisedBy && found.maxAgeDays === maxAgeDays && found.format === format && found.family === family;
    return same ? found : undefined;
  }

  async find(id: string): Promise<ImportRecord | undefined> {
    const { rows } = await this.pool.query<ImportRecord>(`SELECT ${COLUMNS} FROM event_imports WHERE id = $1`, [id]);
    return rows[0] && { ...rows[0], startedAt: new Date(rows[0].startedAt).toISOString(), updatedAt: new Date(rows[0].updatedAt).toISOString() };
  }

  /** Adds a chunk's outcomes; `nextRow` only moves forward (a resumed upload may go over rows again). */
  async progress(id: string, nextRow: number, tally: ImportTally): Promise<void> {
    await this.pool.query(
      `UPDATE event_imports SET next_row = GREATEST(next_row, $2), rows_read = rows_read + $3, accepted = accepted + $4,
         duplicate = duplicate + $5, rejected = rejected + $6, updated_at = now()
       WHERE id = $1`,
      [id, nextRow, tally.rowsRead, tally.accepted, tally.duplicate, tally.rejected],
    );
  }
}
