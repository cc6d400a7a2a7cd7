import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { ImportFormat } from '../../apps/ingest/src/import/import-rows';

/** Outcomes counted over an import's uploads. */
export interface Tally {
  rows: number;
  accepted: number;
  duplicate: number;
  rejected: number;
}

/**
 * Where an interrupted import goes on: the server's last checkpoint (rows before `nextRow` are durable
 * or rejected), the file offset of `nextRow`, and how much of the rejection report belongs to those
 * rows. Written after every durable chunk; gone when the import completes.
 */
export interface ImportCheckpoint extends Tally {
  importId: string;
  file: string;
  /** The file as it was when the import started: a changed file cannot be resumed. */
  size: number;
  mtimeMs: number;
  format: ImportFormat;
  family?: string;
  /** The authorised horizon; absent: the live door's. */
  maxAgeDays?: number;
  authorisedBy: string;
  /** Bytes of the CSV header row (sent again before every part); 0 for NDJSON. */
  headerBytes: number;
  nextRow: number;
  offset: number;
  reportBytes: number;
}

export function readCheckpoint(path: string): ImportCheckpoint | undefined {
  if (!existsSync(path)) return undefined;
  return JSON.parse(readFileSync(path, 'utf8')) as ImportCheckpoint;
}

/** Replaced whole (write then rename): a kill leaves the old checkpoint or the new one, never half of one. */
export function writeCheckpoint(path: string, checkpoint: ImportCheckpoint): void {
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(checkpoint, null, 2)}\n`);
  renameSync(temporary, path);
}

export function removeCheckpoint(path: string): void {
  rmSync(path, { force: true });
}
