import type { DoorError } from '../events/intake-outcome';

/**
 * What POST /v1/admin/imports answers, one JSON object per line (application/x-ndjson), as the
 * upload goes: each rejected row, a checkpoint after each chunk of rows is durable on the canonical
 * topic, and an `end` (or `failed`) line last.
 */
export type ImportLine = RejectedRowLine | CheckpointLine | EndLine | FailedLine;

export interface RejectedRowLine {
  type: 'rejected';
  row: number;
  eventId?: string;
  errors: DoorError[];
}

export interface UploadTally {
  /** Rows of this upload read so far (blank ones not counted). */
  rows: number;
  accepted: number;
  duplicate: number;
  rejected: number;
}

/** Every row before `nextRow` is durable or rejected; a resumed upload starts at `nextRow`, `bytes` into this upload's body. */
export interface CheckpointLine extends UploadTally {
  type: 'checkpoint';
  nextRow: number;
  bytes: number;
}

/** The upload is done: the whole body (`complete`), or the `maxRows` it was asked for (then resume at `nextRow`). */
export interface EndLine extends UploadTally {
  type: 'end';
  importId: string;
  complete: boolean;
  nextRow: number;
  bytes: number;
}

/**
 * The upload stopped: `not_durable` (the canonical topic cannot take events now), `unreadable_file`, `internal_error`.
 * Rows before the last checkpoint stand.
 */
export interface FailedLine {
  type: 'failed';
  code: 'not_durable' | 'unreadable_file' | 'internal_error';
  message: string;
  row?: number;
}
