import { closeSync, existsSync, fstatSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import type { RejectedRowLine } from '../../apps/ingest/src/import/import-lines';

/** The report's header row, in Chinese and English like the templates. */
export const REPORT_HEADER = '行号 row,事件编号 eventId,代码 code,字段 path,说明 message\r\n';

/**
 * The rejection report: one CSV line per reason a row was rejected (row, eventId, code, path,
 * message). Lines are held until their chunk's checkpoint and written with it, so after a kill the
 * report is cut back to what the checkpoint covers and no row is reported twice.
 */
export class RejectionReport {
  private readonly fd: number;
  private held: string[] = [];

  /** @param keepBytes the report of a resumed import is cut back to this length; a new one starts empty. */
  constructor(path: string, keepBytes?: number) {
    this.fd = openSync(path, keepBytes !== undefined && existsSync(path) ? 'r+' : 'w');
    if (keepBytes !== undefined && keepBytes > 0) {
      ftruncateSync(this.fd, keepBytes);
    } else {
      ftruncateSync(this.fd, 0);
      writeSync(this.fd, REPORT_HEADER, 0);
    }
  }

  hold(line: RejectedRowLine): void {
    for (const error of line.errors) {
      this.held.push([line.row, line.eventId ?? '', error.code, error.path, error.message].map(csvCell).join(',') + '\r\n');
    }
  }

  /** Writes what is held (at the end of the file); answers the report's length, for the checkpoint. */
  commit(): number {
    const size = fstatSync(this.fd).size;
    if (this.held.length > 0) writeSync(this.fd, this.held.join(''), size);
    this.held = [];
    return fstatSync(this.fd).size;
  }

  /** Forgets what is held (its chunk never reached a checkpoint; the rows are sent again). */
  drop(): void {
    this.held = [];
  }

  close(): void {
    closeSync(this.fd);
  }
}

export function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
