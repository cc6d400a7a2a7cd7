import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import type { EventType } from '@lib/contracts';
import { EventIntake } from '../events/event-intake.service';
import { MAX_BATCH_EVENTS } from '../events/submission';
import { EventImportsRepository } from './event-imports.repository';
import type { ImportLine, UploadTally } from './import-lines';
import { ImportFormat, ImportRow, importRows } from './import-rows';

export interface ImportUpload {
  importId: string;
  format: ImportFormat;
  family?: EventType;
  /** The authorised horizon: how far back `occurredAt` may lie, in days. */
  maxAgeDays: number;
  /** Number of the body's first data row. */
  firstRow: number;
  /** Stop after this many rows (the caller resumes with another upload); the whole body when absent. */
  maxRows?: number;
  /** The upload request's id (X-Request-Id), on every canonical record it brings. */
  correlationId?: string;
}

const DAY_MS = 86_400_000;

/**
 * A bulk import's upload: rows are read as they arrive, gathered in chunks of a door batch (1000),
 * and each chunk goes through the door's own intake (the same validation, pseudonymisation, receipts
 * and canonical topic as a live batch; only the horizon is the import's) before the next is read, so
 * the body is read no faster than events become durable and memory stays flat.
 */
@Injectable()
export class EventImport {
  constructor(
    private readonly intake: EventIntake,
    private readonly imports: EventImportsRepository,
  ) {}

  /** Emits what happens as it happens; throws what stops the upload (the caller reports it). */
  async upload(body: Readable, upload: ImportUpload, emit: (line: ImportLine) => Promise<void>): Promise<void> {
    const tally: UploadTally = { rows: 0, accepted: 0, duplicate: 0, rejected: 0 };
    let position = { nextRow: upload.firstRow, bytes: 0 };
    let chunk: ImportRow[] = [];

    const flush = async () => {
      if (chunk.length === 0) return;
      const rows = chunk;
      chunk = [];
      const done = await this.admit(rows, upload);
      const last = rows[rows.length - 1];
      position = { nextRow: last.row + 1, bytes: last.bytes };
      for (const line of done.rejected) await emit(line);
      tally.rows += rows.length;
      tally.accepted += done.accepted;
      tally.duplicate += done.duplicate;
      tally.rejected += done.rejected.length;
      await this.imports.progress(upload.importId, position.nextRow, { rowsRead: rows.length, accepted: done.accepted, duplicate: done.duplicate, rejected: done.rejected.length });
      await emit({ type: 'checkpoint', ...position, ...tally });
    };

    let complete = true;
    for await (const row of importRows(body, upload)) {
      chunk.push(row);
      if (chunk.length >= MAX_BATCH_EVENTS) await flush();
      if (upload.maxRows !== undefined && tally.rows + chunk.length >= upload.maxRows) {
        complete = false;
        break;
      }
    }
    await flush();
    await emit({ type: 'end', importId: upload.importId, complete, ...position, ...tally });
  }

  /** One chunk through the door's intake; rows that could not be read as events are rejected beside it. */
  private async admit(rows: ImportRow[], upload: ImportUpload) {
    const readable = rows.filter((row) => row.unreadable === undefined);
    const outcomes = await this.intake.intake(
      readable.map((row) => row.input),
      { door: 'import', maxAgeMs: upload.maxAgeDays * DAY_MS, importId: upload.importId, correlationId: upload.correlationId },
    );
    const outcomeOf = new Map(readable.map((row, index) => [row, outcomes[index]]));
    const done = { accepted: 0, duplicate: 0, rejected: [] as Extract<ImportLine, { type: 'rejected' }>[] };
    for (const row of rows) {
      if (row.unreadable) {
        done.rejected.push({ type: 'rejected', row: row.row, errors: [row.unreadable] });
        continue;
      }
      const outcome = outcomeOf.get(row)!;
      if (outcome.status === 'rejected') done.rejected.push({ type: 'rejected', row: row.row, ...(outcome.eventId !== undefined && { eventId: outcome.eventId }), errors: outcome.errors });
      else done[outcome.status] += 1;
    }
    return done;
  }
}
