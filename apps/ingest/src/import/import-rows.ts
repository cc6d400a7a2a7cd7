import { PassThrough, Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import type { EventType } from '@lib/contracts';
import { maskIdNumbers } from '@lib/contracts';
import type { DoorError } from '../events/intake-outcome';
import { isBlankRecord, readHeader, recordToEvent, type HeaderProblem } from './csv-templates';

export type ImportFormat = 'ndjson' | 'csv';

/** A line or record longer than this is refused (a single event is a few hundred bytes; the Kafka door allows 64 KiB). */
export const MAX_ROW_BYTES = 64 * 1024;

/**
 * One row of an import file: its number (an NDJSON line number; for CSV the spreadsheet row, the
 * header being row 1), the body's bytes read through its end (where to resume after it), and either
 * the event it holds or why it could not be read.
 */
export interface ImportRow {
  row: number;
  bytes: number;
  input?: unknown;
  unreadable?: DoorError;
}

/** The file cannot be read on from here (a CSV whose quoting is broken); rows before it stand. */
export class UnreadableFileError extends Error {
  constructor(
    readonly row: number,
    message: string,
  ) {
    super(message);
    this.name = 'UnreadableFileError';
  }
}

/** The CSV header names columns the family's template does not have. */
export class ImportHeaderError extends Error {
  constructor(readonly problems: HeaderProblem[]) {
    super(problems.map((p) => p.message).join('; '));
    this.name = 'ImportHeaderError';
  }
}

/**
 * The character sets a CSV may come in: UTF-8, or the GB family of Chinese Excel exports (GBK, GB2312,
 * CP936), read as GB18030, their superset. NDJSON is JSON, hence UTF-8.
 */
export type CsvCharset = 'utf-8' | 'gb18030';

const CSV_CHARSETS: Record<string, CsvCharset> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  gb18030: 'gb18030',
  cp936: 'gb18030',
  'x-gbk': 'gb18030',
  'windows-936': 'gb18030',
};

/** The CSV charset a `charset` parameter names (case-insensitive), or undefined when it is not one read here. */
export function csvCharset(name: string): CsvCharset | undefined {
  return CSV_CHARSETS[name.trim().replace(/^"|"$/g, '').toLowerCase()];
}

export interface RowSource {
  format: ImportFormat;
  /** A CSV's charset as declared; when absent, told from the header row (UTF-8 unless it only reads as GB18030). */
  charset?: CsvCharset;
  /** The event family of a CSV file (its template). */
  family?: EventType;
  /** Number of the body's first data row (a resumed upload starts inside the file). */
  firstRow: number;
}

/**
 * The rows of an import body, read as they arrive (memory stays flat whatever the file's size).
 * Blank lines and records are skipped but keep their numbers. The body is read through a pass-through,
 * so a caller that stops early leaves the request itself intact for its answer.
 */
export async function* importRows(body: Readable, source: RowSource): AsyncGenerator<ImportRow> {
  const stream = body.pipe(new PassThrough());
  if (source.format === 'ndjson') yield* ndjsonRows(stream, source.firstRow);
  else {
    const { head, body: rest } = await firstLine(stream);
    const charset = source.charset ?? (isUtf8(head) || !isGb18030(head) ? 'utf-8' : 'gb18030');
    yield* csvRows(rest, source.family!, source.firstRow, charset);
  }
}

/** The body's bytes through its first newline (at most a row's limit), and the whole body again. */
async function firstLine(stream: Readable): Promise<{ head: Buffer; body: Readable }> {
  const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const seen: Buffer[] = [];
  let bytes = 0;
  let exhausted = false;
  while (bytes < MAX_ROW_BYTES) {
    const next = await chunks.next();
    if (next.done) {
      exhausted = true;
      break;
    }
    seen.push(next.value);
    bytes += next.value.length;
    if (next.value.includes(NEWLINE)) break;
  }
  const head = Buffer.concat(seen);
  const newline = head.indexOf(NEWLINE);
  const body = Readable.from(
    (async function* () {
      yield* seen;
      if (exhausted) return;
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
    })(),
  );
  return { head: newline === -1 ? head : head.subarray(0, newline), body };
}

function isUtf8(bytes: Buffer): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function isGb18030(bytes: Buffer): boolean {
  try {
    new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const NEWLINE = 0x0a;
const utf8 = new TextDecoder('utf-8', { fatal: true });

async function* ndjsonRows(stream: Readable, firstRow: number): AsyncGenerator<ImportRow> {
  let row = firstRow;
  let bytes = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let overlong = false;

  function* line(end: number): Generator<ImportRow> {
    const number = row++;
    if (overlong) {
      overlong = false;
      yield { row: number, bytes: end, unreadable: { path: '', code: 'too_long', message: `The line is longer than ${MAX_ROW_BYTES} bytes` } };
      return;
    }
    const parsed = readJsonLine(Buffer.concat(pending, pendingBytes), number === 1);
    if (parsed !== BLANK) yield { row: number, bytes: end, ...parsed };
  }

  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let start = 0;
    for (let newline = chunk.indexOf(NEWLINE); newline !== -1; newline = chunk.indexOf(NEWLINE, start)) {
      keep(chunk.subarray(start, newline));
      yield* line(bytes + newline + 1);
      pending = [];
      pendingBytes = 0;
      start = newline + 1;
    }
    keep(chunk.subarray(start));
    bytes += chunk.length;
  }
  if (pendingBytes > 0 || overlong) yield* line(bytes);

  /** Holds a line's bytes until its end, unless it is already too long (then only the fact is kept). */
  function keep(part: Buffer): void {
    if (overlong || part.length === 0) return;
    if (pendingBytes + part.length > MAX_ROW_BYTES) {
      overlong = true;
      pending = [];
      pendingBytes = 0;
      return;
    }
    pending.push(part);
    pendingBytes += part.length;
  }
}

const BLANK = Symbol('blank');

function readJsonLine(raw: Buffer, first: boolean): Pick<ImportRow, 'input' | 'unreadable'> | typeof BLANK {
  let text: string;
  try {
    text = utf8.decode(raw);
  } catch {
    return { unreadable: { path: '', code: 'invalid_json', message: 'The line is not valid UTF-8' } };
  }
  if (first && text.startsWith('\ufeff')) text = text.slice(1);
  if (text.trim() === '') return BLANK;
  try {
    return { input: JSON.parse(text) as unknown };
  } catch {
    return { unreadable: { path: '', code: 'invalid_json', message: 'The line is not one JSON value' } };
  }
}

/**
 * A GB18030 (GBK) CSV is parsed byte for byte (latin1) and each field decoded after: no byte of a
 * multi-byte GB character is a comma, quote or line end, so the parse, the row numbers and the byte
 * positions of checkpoints are the file's own.
 */
async function* csvRows(stream: Readable, family: EventType, firstRow: number, charset: CsvCharset): AsyncGenerator<ImportRow> {
  const gb = charset === 'gb18030' ? new TextDecoder('gb18030') : undefined;
  const decoded = (record: string[]) => (gb ? record.map((field) => gb.decode(Buffer.from(field, 'latin1'))) : record);
  const parser = stream.pipe(
    parseCsv({
      bom: true,
      info: true,
      relax_column_count: true,
      record_delimiter: ['\r\n', '\n'],
      max_record_size: MAX_ROW_BYTES,
      ...(gb && { encoding: 'latin1' as const }),
    }),
  );
  let columns: ReturnType<typeof readHeader>['columns'] | undefined;
  let row = firstRow;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { bytes: number } }>) {
      if (columns === undefined) {
        const header = readHeader(family, decoded(record));
        if (header.problems.length > 0) throw new ImportHeaderError(header.problems);
        columns = header.columns;
        continue;
      }
      const number = row++;
      if (isBlankRecord(record)) continue;
      yield { row: number, bytes: info.bytes, input: recordToEvent(family, columns, decoded(record)) };
    }
  } catch (error) {
    if (error instanceof ImportHeaderError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    // csv-parse quotes bits of the record in its messages: no ID number leaves the door in clear.
    throw new UnreadableFileError(row, `The CSV cannot be read from row ${row} on: ${maskIdNumbers(message)}`);
  }
  if (columns === undefined) throw new ImportHeaderError([{ path: 'header', code: 'missing_column', message: 'The CSV has no header row' }]);
}
