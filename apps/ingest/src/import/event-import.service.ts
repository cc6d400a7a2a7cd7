import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { eventKey } from '@lib/contracts';
import type { EventType } from '@lib/contracts';
import { EventIntake } from '../events/event-intake.service';
import type { IngestEnvironment } from '../ingest.environment';
import { MAX_BATCH_EVENTS } from '../events/submission';
import { EventImportsRepository } from './event-imports.repository';
import type { ImportLine, UploadTally } from './import-lines';
import { CsvCharset, ImportFormat, ImportRow, importRows } from './import-rows';

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
  /** A CSV's declared charset (Content-Type `charset`); told from its header row when absent. */
  charset?: CsvCharset;
  /** The upload request's id (X-Request-Id), on every canonical record it brings. */
  correlationId?: string;
}

const DAY_MS = 86_400_000;

type Admitted = Awaited<ReturnType<EventImport['admit']>>;

interface ChunkInFlight {
  rows: ImportRow[];
  /** The (institution, eventId) pairs of its rows: a later chunk repeating one waits for this chunk. */
  events: Set<string>;
  admitted: Promise<Admitted>;
}

/**
 * A bulk import's upload: rows are read as they arrive, gathered in chunks of a door batch (1000),
 * and each chunk goes through the door's own intake (the same validation, pseudonymisation, receipts
 * and canonical topic as a live batch; only the horizon is the import's). A few chunks are in flight
 * at once (IMPORT_CHUNKS_IN_FLIGHT), but they are settled in file order: a checkpoint names a row only once
 * every chunk up to it is durable, rejected rows are reported in order, and the body is read no
 * faster than events become durable, so memory stays flat.
 */
@Injectable()
export class EventImport {
  private readonly chunksInFlight: number;

  constructor(
    private readonly intake: EventIntake,
    private readonly imports: EventImportsRepository,
    config: ConfigService<IngestEnvironment, true>,
  ) {
    this.chunksInFlight = config.get('IMPORT_CHUNKS_IN_FLIGHT', { infer: true });
  }

  /** Emits what happens as it happens; throws what stops the upload (the caller reports it). */
  async upload(body: Readable, upload: ImportUpload, emit: (line: ImportLine) => Promise<void>): Promise<void> {
    const tally: UploadTally = { rows: 0, accepted: 0, duplicate: 0, rejected: 0 };
    let position = { nextRow: upload.firstRow, bytes: 0 };
    const inFlight: ChunkInFlight[] = [];
    let chunk: ImportRow[] = [];

    /** The oldest chunk in flight, once durable: its rejections, the import's progress, a checkpoint. */
    const settleOldest = async () => {
      const { rows, admitted } = inFlight.shift()!;
      const done = await admitted;
      const last = rows[rows.length - 1];
      position = { nextRow: last.row + 1, bytes: last.bytes };
      for (const line of done.rejected) await emit(line);
      tally.rows += rows.length;
      tally.accepted += done.accepted;
      tally.duplicate += done.duplicate;
      tally.rejected += done.rejected.length;
      await this.imports.progress(upload.importId, position.nextRow, {
        rowsRead: rows.length,
        accepted: done.accepted,
        duplicate: done.duplicate,
        rejected: done.rejected.length,
      });
      await emit({ type: 'checkpoint', ...position, ...tally });
    };

    const dispatch = async () => {
      if (chunk.length === 0) return;
      const rows = chunk;
      chunk = [];
      const events = eventsOf(rows);
      // An event also in a chunk in flight would pass the receipts lookup twice (accepted twice, counted
      // twice in the tally): wait until that chunk is durable, so it is answered `duplicate` as in one chunk.
      while (inFlight.some((c) => overlaps(c.events, events))) await settleOldest();
      if (inFlight.length >= this.chunksInFlight) await settleOldest();
      const admitted = this.admit(rows, upload);
      admitted.catch(() => undefined); // settled (and its error thrown) in file order by settleOldest
      inFlight.push({ rows, events, admitted });
    };

    let complete = true;
    try {
      for await (const row of importRows(body, upload)) {
        chunk.push(row);
        if (chunk.length >= MAX_BATCH_EVENTS) await dispatch();
        if (upload.maxRows !== undefined && tally.rows + inFlight.reduce((n, c) => n + c.rows.length, 0) + chunk.length >= upload.maxRows) {
          complete = false;
          break;
        }
      }
      await dispatch();
      while (inFlight.length > 0) await settleOldest();
    } catch (error) {
      // Chunks after a failed one may be durable already; no checkpoint covers them, so a resumed upload
      // sends them again and they are answered `duplicate`. Let them finish before the failure is told.
      await Promise.allSettled(inFlight.map((c) => c.admitted));
      throw error;
    }
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
      if (outcome.status === 'rejected')
        done.rejected.push({ type: 'rejected', row: row.row, ...(outcome.eventId !== undefined && { eventId: outcome.eventId }), errors: outcome.errors });
      else done[outcome.status] += 1;
    }
    return done;
  }
}

/** The (institution, eventId) pairs a chunk's readable rows claim, whatever their version. */
function eventsOf(rows: ImportRow[]): Set<string> {
  const events = new Set<string>();
  for (const { input } of rows) {
    if (typeof input !== 'object' || input === null) continue;
    const { institutionId, eventId } = input as Record<string, unknown>;
    events.add(eventKey({ institutionId: String(institutionId), eventId: String(eventId) }));
  }
  return events;
}

function overlaps(a: Set<string>, b: Set<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const item of small) if (large.has(item)) return true;
  return false;
}
