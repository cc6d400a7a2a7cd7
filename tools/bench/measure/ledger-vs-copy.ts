import { Pool } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { CanonicalEvent } from '@lib/contracts';

const COLUMNS = [
  'institution_id',
  'event_id',
  'version',
  'type',
  'action',
  'voided',
  'occurred_at',
  'received_at',
  'kafka_partition',
  'kafka_offset',
  'payload',
];

function row(event: CanonicalEvent, i: number): unknown[] {
  return [
    event.institutionId,
    event.eventId,
    event.version,
    event.type,
    event.action,
    event.voided,
    event.occurredAt,
    event.receivedAt,
    i % 12,
    i,
    JSON.stringify(event),
  ];
}

/**
 * The ledger's write path (batches of 1000 through jsonb_to_recordset with ON CONFLICT dedupe, one
 * transaction each, as the aggregator writes it) against a raw COPY of the same rows into a table
 * of the same shape. Returns rows per second for both.
 */
export async function ledgerVersusCopy(databaseUrl: string, feed: CanonicalEvent[]): Promise<{ ledger: number; copy: number }> {
  // COPY has no ON CONFLICT: both sides get each version once (the feed holds retried duplicates).
  const events = [...new Map(feed.map((e) => [`${e.institutionId}|${e.eventId}|${e.version}`, e])).values()];
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  pool.on('error', () => undefined);
  try {
    await pool.query('DROP TABLE IF EXISTS bench_copy; CREATE TABLE bench_copy (LIKE event_ledger INCLUDING ALL)');
    await pool.query('DROP TABLE IF EXISTS bench_ledger; CREATE TABLE bench_ledger (LIKE event_ledger INCLUDING ALL)');

    const copyStarted = performance.now();
    const client = await pool.connect();
    client.on('error', () => undefined);
    try {
      const stream = client.query(copyFrom(`COPY bench_copy (${COLUMNS.join(', ')}) FROM STDIN WITH (FORMAT csv)`));
      for (let i = 0; i < events.length; i++) {
        const line = row(events[i], i).map(csvCell).join(',') + '\n';
        if (!stream.write(line)) await new Promise((resolve) => stream.once('drain', resolve));
      }
      await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
    } finally {
      client.release();
    }
    const copy = events.length / ((performance.now() - copyStarted) / 1000);

    const ledgerStarted = performance.now();
    for (let i = 0; i < events.length; i += 1000) {
      const batch = events.slice(i, i + 1000).map((event, j) => ({
        institutionId: event.institutionId,
        eventId: event.eventId,
        version: event.version,
        type: event.type,
        action: event.action,
        voided: event.voided,
        occurredAt: event.occurredAt,
        receivedAt: event.receivedAt,
        partition: (i + j) % 12,
        offset: i + j,
        payload: event,
      }));
      await pool.query(
        `INSERT INTO bench_ledger (institution_id, event_id, version, type, action, voided, occurred_at, received_at, kafka_partition, kafka_offset, payload)
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS e("institutionId" text, "eventId" text, version int, type text, action text,
           voided boolean, "occurredAt" timestamptz, "receivedAt" timestamptz, partition int, "offset" bigint, payload jsonb)
         ON CONFLICT (institution_id, event_id, version) DO NOTHING`,
        [JSON.stringify(batch)],
      );
    }
    const ledger = events.length / ((performance.now() - ledgerStarted) / 1000);
    await pool.query('DROP TABLE bench_copy; DROP TABLE bench_ledger');
    return { ledger, copy };
  } finally {
    await pool.end();
  }
}

function csvCell(value: unknown): string {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
