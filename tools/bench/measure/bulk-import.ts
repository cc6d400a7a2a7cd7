import { spawn } from 'node:child_process';
import { createWriteStream, statSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import type { Pool } from 'pg';
import { createKafkaClient, TOPICS } from '@lib/kafka';
import { sleep } from '../../lib/app-process';
import type { HistoricVisit } from '../../lib/visit-history';

/** Writes events as an NDJSON file, streamed (a large history never sits in memory as one string). */
export async function writeNdjson(file: string, events: Iterable<HistoricVisit>): Promise<number> {
  const out = createWriteStream(file);
  let count = 0;
  for (const event of events) {
    count++;
    if (!out.write(`${JSON.stringify(event)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return count;
}

/** Runs tools/import-events on a file; resolves with its summary. */
export function runImportCli(root: string, env: Record<string, string>, file: string, args: string[]): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'dist/tools/import-events.js'), file, ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) =>
      code === 0 ? resolve(JSON.parse(stdout) as Record<string, number>) : reject(new Error(`import-events exited ${code}: ${stderr.slice(-500)}`)),
    );
  });
}

/** Waits until the aggregator has applied every message of the canonical topic (its stored offsets reach the high watermarks). */
export async function canonicalTopicApplied(env: Record<string, string> & { KAFKA_BROKERS: string }, pool: Pool, timeoutMs = 1_800_000): Promise<void> {
  const admin = createKafkaClient(env, 'bench-import').admin();
  await admin.connect();
  try {
    const topic = env.KAFKA_TOPIC_PREFIX + TOPICS.events;
    const high = (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high), 0);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await pool.query<{ n: string | null }>('SELECT sum(next_offset) AS n FROM consumer_offsets WHERE topic = $1', [topic]);
      if (Number(rows[0].n ?? 0) >= high) return;
      if (Date.now() > deadline) throw new Error('the aggregator did not apply the canonical topic in time');
      await sleep(100);
    }
  } finally {
    await admin.disconnect();
  }
}

/** Posts events to the live door in batches of 1000 (four requests at a time); answers how many were accepted. */
export async function postBatches(url: string, apiKey: string, events: readonly unknown[]): Promise<number> {
  const batches: unknown[][] = [];
  for (let i = 0; i < events.length; i += 1000) batches.push(events.slice(i, i + 1000));
  let accepted = 0;
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++];
      const response = await fetch(`${url}/v1/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
        body: JSON.stringify({ events: batch }),
      });
      accepted += ((await response.json()) as { summary: { accepted: number } }).summary.accepted;
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return accepted;
}

export const fileMiB = (file: string) => statSync(file).size / 1048576;
