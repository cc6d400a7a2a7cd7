/**
 * Bulk import of historical events (docs/bulk-import.md): streams an NDJSON or CSV file to the ingest
 * app's POST /v1/admin/imports in parts, shows progress (rows, rate, ETA), writes the rejected rows to
 * a report, and after a kill resumes from its checkpoint. Re-running a completed file is harmless:
 * every event version already accepted is answered duplicate.
 *
 *   node dist/tools/import-events.js <file> --authorised-by <who> [--max-age-days <n>] [--family <type>] ...
 *   node dist/tools/import-events.js --template <family>     (prints the family's CSV template)
 *
 * Exit codes: 0 done, 1 error (the checkpoint stays: run the same command again to resume), 2 usage.
 */
import 'reflect-metadata';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { validateEnvironment } from '@lib/config';
import { IMPORT_FAMILIES, isImportFamily, templateCsv } from '../apps/ingest/src/import/csv-templates';
import type { ImportFormat } from '../apps/ingest/src/import/import-rows';
import { MAX_ROW_BYTES } from '../apps/ingest/src/import/import-rows';
import { allowOnly, optionValue, parseArguments, UsageError } from './admin-cli/arguments';
import { CliEnvironment } from './admin-cli/cli-environment';
import { reportFailure } from './admin-cli/exit-code';
import { ImportCheckpoint, readCheckpoint, removeCheckpoint, writeCheckpoint } from './import/checkpoint';
import { AdminApiError } from './admin-cli/admin-client';
import { uploadPart } from './import/import-upload';
import { progressLine } from './import/progress';
import { RejectionReport } from './import/rejection-report';

export const USAGE = `Usage: import-events <file.ndjson|file.csv> --authorised-by <who authorised it> [options]
       import-events --template <family>

  --authorised-by <text>   who authorised loading this history (kept with the import)
  --max-age-days <n>       how far back occurredAt may lie (default: the live door's EVENT_MAX_AGE_DAYS)
  --family <type>          the CSV template the file follows: visit, referral, vaccination, screening,
                           family_doctor, chronic_followup, disease_report, syndromic_count
                           (default: the file name's first word)
  --format <ndjson|csv>    default: from the extension (.csv; .ndjson, .jsonl)
  --charset <utf-8|gbk>    a CSV's character set (default: told from its header row; GBK as Excel writes it in China)
  --report <path>          rejected rows (default: <file>.rejected.csv)
  --checkpoint <path>      where progress is kept (default: <file>.import-checkpoint.json)
  --part-rows <n>          rows per request (default 50000)
  --template <family>      print the family's CSV template and exit

Environment: INGEST_URL (default http://127.0.0.1:3001), ADMIN_TOKEN.`;

const OPTIONS = ['authorised-by', 'max-age-days', 'family', 'format', 'charset', 'report', 'checkpoint', 'part-rows', 'template', 'help'];
const DEFAULT_PART_ROWS = 50_000;
/** A broker or ingest outage is waited out this many times (from the last checkpoint) before giving up. */
const MAX_RETRIES = 8;

export async function main(argv: readonly string[]): Promise<number> {
  const err = (message: string) => process.stderr.write(`${message}\n`);
  try {
    const args = parseArguments(argv, new Set(['help']));
    allowOnly(args, OPTIONS);
    if (args.options.has('help')) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const template = optionValue(args, 'template');
    if (template !== undefined) {
      if (!isImportFamily(template)) throw new UsageError(`unknown family ${template}`);
      process.stdout.write(templateCsv(template));
      return 0;
    }
    if (args.words.length !== 1) throw new UsageError('name one file to import');
    const env = validateEnvironment(CliEnvironment, process.env);
    const summary = await runImport(env, args.words[0], {
      authorisedBy: optionValue(args, 'authorised-by'),
      maxAgeDays: numberOption(optionValue(args, 'max-age-days'), 'max-age-days'),
      family: optionValue(args, 'family'),
      format: optionValue(args, 'format'),
      charset: optionValue(args, 'charset'),
      report: optionValue(args, 'report'),
      checkpoint: optionValue(args, 'checkpoint'),
      partRows: numberOption(optionValue(args, 'part-rows'), 'part-rows') ?? DEFAULT_PART_ROWS,
    });
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    return 0;
  } catch (error) {
    return reportFailure(error, USAGE, err);
  }
}

interface ImportOptions {
  authorisedBy?: string;
  maxAgeDays?: number;
  family?: string;
  format?: string;
  charset?: string;
  report?: string;
  checkpoint?: string;
  partRows: number;
}

async function runImport(env: CliEnvironment, fileArgument: string, options: ImportOptions) {
  const file = path.resolve(fileArgument);
  const stat = statSync(file);
  const checkpointPath = options.checkpoint ?? `${file}.import-checkpoint.json`;
  const reportPath = options.report ?? `${file}.rejected.csv`;
  const resumed = readCheckpoint(checkpointPath);
  if (resumed && (resumed.file !== file || resumed.size !== stat.size || resumed.mtimeMs !== stat.mtimeMs)) {
    throw new UsageError(`${checkpointPath} belongs to another file or to this file before it changed; remove it to start over`);
  }
  const checkpoint: ImportCheckpoint = resumed ?? newCheckpoint(file, stat, options);
  const report = new RejectionReport(reportPath, resumed?.reportBytes);
  const header = checkpoint.headerBytes > 0 ? readHead(file, checkpoint.headerBytes) : undefined;
  if (resumed) process.stderr.write(`resuming import ${checkpoint.importId} at row ${checkpoint.nextRow}\n`);

  const started = Date.now();
  const startOffset = checkpoint.offset;
  const startRows = checkpoint.rows;
  const show = progressDisplay(() => ({
    rows: checkpoint.rows,
    rejected: checkpoint.rejected,
    runRows: checkpoint.rows - startRows,
    runBytes: checkpoint.offset - startOffset,
    seconds: (Date.now() - started) / 1000,
    offset: checkpoint.offset,
    size: checkpoint.size,
  }));

  let retries = 0;
  try {
    for (;;) {
      // Outcomes of the part, counted from the part's start; folded into the checkpoint at each of its checkpoints.
      const base = { ...checkpoint };
      const partStart = checkpoint.offset;
      const advance = (line: { nextRow: number; bytes: number; rows: number; accepted: number; duplicate: number; rejected: number }) => {
        checkpoint.nextRow = line.nextRow;
        checkpoint.offset = partStart + line.bytes - checkpoint.headerBytes;
        for (const key of ['rows', 'accepted', 'duplicate', 'rejected'] as const) checkpoint[key] = base[key] + line[key];
        checkpoint.reportBytes = report.commit();
        writeCheckpoint(checkpointPath, checkpoint);
      };
      let last;
      try {
        last = await uploadPart(
          {
            baseUrl: env.INGEST_URL,
            adminToken: env.ADMIN_TOKEN,
            format: checkpoint.format,
            file,
            header,
            offset: checkpoint.offset,
            charset: options.charset,
            query: {
              importId: checkpoint.importId,
              authorisedBy: checkpoint.authorisedBy,
              maxAgeDays: checkpoint.maxAgeDays,
              family: checkpoint.family,
              firstRow: checkpoint.nextRow,
              maxRows: options.partRows,
              fileName: path.basename(file),
            },
          },
          (line) => {
            if (line.type === 'rejected') report.hold(line);
            else if (line.type === 'checkpoint' || line.type === 'end') advance(line);
          },
        );
      } catch (error) {
        if (error instanceof AdminApiError) throw error;
        last = { type: 'failed' as const, code: 'connection_lost', message: error instanceof Error ? error.message : String(error) };
      }
      report.drop();
      if (last.type === 'end' && last.complete) break;
      if (last.type === 'end') {
        retries = 0;
        continue;
      }
      if (last.code === 'unreadable_file') throw new Error(`${last.message} (rows before ${checkpoint.nextRow} are imported)`);
      if (++retries > MAX_RETRIES) throw new Error(`${last.code}: ${last.message}; run the same command again to resume at row ${checkpoint.nextRow}`);
      process.stderr.write(`\n${last.code}: ${last.message}; resuming at row ${checkpoint.nextRow} in ${retries * 2}s\n`);
      await new Promise((resolve) => setTimeout(resolve, retries * 2000));
    }
  } finally {
    show.stop();
    report.close();
  }
  removeCheckpoint(checkpointPath);
  const seconds = (Date.now() - started) / 1000;
  return {
    importId: checkpoint.importId,
    file,
    rows: checkpoint.rows,
    accepted: checkpoint.accepted,
    duplicate: checkpoint.duplicate,
    rejected: checkpoint.rejected,
    report: reportPath,
    seconds: Math.round(seconds * 10) / 10,
    rowsPerSecond: seconds > 0 ? Math.round((checkpoint.rows - startRows) / seconds) : null,
  };
}

function newCheckpoint(file: string, stat: { size: number; mtimeMs: number }, options: ImportOptions): ImportCheckpoint {
  if (!options.authorisedBy) throw new UsageError('--authorised-by is required: who authorised loading this history');
  const format = (options.format ?? formatOf(file)) as ImportFormat;
  if (format !== 'csv' && format !== 'ndjson') throw new UsageError('--format must be csv or ndjson');
  const family = format === 'csv' ? (options.family ?? familyOfName(path.basename(file))) : undefined;
  if (family !== undefined && !isImportFamily(family)) throw new UsageError(`--family is needed for ${path.basename(file)} (one of the template families)`);
  return {
    importId: randomUUID(),
    file,
    size: stat.size,
    mtimeMs: stat.mtimeMs,
    format,
    family,
    maxAgeDays: options.maxAgeDays,
    authorisedBy: options.authorisedBy,
    headerBytes: format === 'csv' ? headerLength(file) : 0,
    nextRow: format === 'csv' ? 2 : 1,
    offset: format === 'csv' ? headerLength(file) : 0,
    reportBytes: 0,
    rows: 0,
    accepted: 0,
    duplicate: 0,
    rejected: 0,
  };
}

/** `family_doctor-2024.csv` → family_doctor: the longest family the name starts with. */
function familyOfName(name: string): string | undefined {
  return [...IMPORT_FAMILIES].sort((a, b) => b.length - a.length).find((family) => name.startsWith(family));
}

function formatOf(file: string): string {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.csv') return 'csv';
  if (extension === '.ndjson' || extension === '.jsonl') return 'ndjson';
  throw new UsageError(`cannot tell the format of ${path.basename(file)}: give --format`);
}

/** Bytes of the CSV header row, its line end included (the templates' header has no quoted line breaks). */
function headerLength(file: string): number {
  const head = readHead(file, MAX_ROW_BYTES);
  const newline = head.indexOf(0x0a);
  if (newline === -1) throw new UsageError(`${path.basename(file)} has no complete header row`);
  return newline + 1;
}

function readHead(file: string, bytes: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    return buffer.subarray(0, readSync(fd, buffer, 0, bytes, 0));
  } finally {
    closeSync(fd);
  }
}

function numberOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new UsageError(`--${name} must be a positive whole number`);
  return number;
}

/** The progress line on stderr: redrawn in place on a terminal, a line every 10 s otherwise (logs, CI). */
function progressDisplay(state: () => Parameters<typeof progressLine>[0]) {
  const terminal = process.stderr.isTTY === true;
  const timer = setInterval(() => process.stderr.write(terminal ? `\r\x1b[K${progressLine(state())}` : `${progressLine(state())}\n`), terminal ? 500 : 10_000);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      process.stderr.write(`${terminal ? '\r\x1b[K' : ''}${progressLine(state())}\n`);
    },
  };
}

if (require.main === module) {
  // main answers every failure with an exit code: it does not reject.
  void main(process.argv.slice(2)).then((code) => process.exit(code));
}
