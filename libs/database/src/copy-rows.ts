import { once } from 'node:events';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type CopyValue = string | number | boolean | null;

/** Rows per chunk written to the COPY stream: large enough to amortise writes, small enough to stream. */
const ROWS_PER_CHUNK = 1000;

/**
 * Writes rows with `COPY … FROM STDIN` (text format) on the client, inside its transaction. COPY
 * skips per-row parameter encoding and planning: for tens of thousands of narrow rows it costs a
 * fraction of an `INSERT … SELECT FROM unnest(…)` in both Node and PostgreSQL.
 */
export async function copyRows(client: PoolClient, table: string, columns: readonly string[], rows: Iterable<readonly CopyValue[]>): Promise<void> {
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  let chunk = '';
  let inChunk = 0;
  for (const row of rows) {
    // Appended field by field: no array and no joined string per row.
    for (let i = 0; i < row.length; i++) chunk += i === 0 ? copyText(row[i]) : '\t' + copyText(row[i]);
    chunk += '\n';
    if (++inChunk === ROWS_PER_CHUNK) {
      if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), done]);
      chunk = '';
      inChunk = 0;
    }
  }
  stream.end(chunk);
  await done;
}

/**
 * `items.map(row)` made one row at a time as COPY reads it: a transaction's rows would otherwise
 * all live through its round trips, long enough to be promoted to V8's old generation (garbage
 * only a full collection reclaims); made on demand, each dies young.
 */
export function* lazyMap<T>(items: Iterable<T>, row: (item: T) => readonly CopyValue[]): Generator<readonly CopyValue[]> {
  for (const item of items) yield row(item);
}

/** A value in COPY's text format: `\N` for null; backslash, tab, newline and carriage return escaped. */
export function copyText(value: CopyValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  const text = String(value);
  return /[\\\t\n\r]/.test(text) ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : text;
}

/** A text[] value as PostgreSQL's array literal (`{"a","b"}`), to be written as one COPY field. */
export function textArrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

/** A session-local table that holds a transaction's rows until they are merged into their real table. */
export interface StagingTable {
  name: string;
  /** Column names and SQL types, in the order rows give their values. */
  columns: ReadonlyArray<readonly [name: string, type: string]>;
}

/**
 * Writes rows into a staging table with COPY, creating the table when the session lacks it. It is
 * asked for in every transaction (one round trip): a table created in a transaction that then rolled
 * back is gone. `ON COMMIT DELETE ROWS` empties it at every commit, so the caller merges from it
 * (`INSERT … SELECT … ON CONFLICT`) in the same transaction.
 */
export async function stageRows(client: PoolClient, table: StagingTable, rows: Iterable<readonly CopyValue[]>): Promise<void> {
  await client.query(
    `CREATE TEMP TABLE IF NOT EXISTS ${table.name} (${table.columns.map(([name, type]) => `${name} ${type}`).join(', ')}) ON COMMIT DELETE ROWS`,
  );
  await copyRows(
    client,
    table.name,
    table.columns.map(([name]) => name),
    rows,
  );
}

/** The column names of a staging table, comma-separated, for the merge statement. */
export function stagedColumns(table: StagingTable): string {
  return table.columns.map(([name]) => name).join(', ');
}
