import autocannon from 'autocannon';
import type { HealthEvent } from '@lib/contracts';
import { sleep } from '../../lib/app-process';
import { percentile } from './latency';
import { residentMiB } from './process-memory';

export interface StreamFanoutSetup {
  ingestUrl: string;
  queryUrl: string;
  queryPid: number | undefined;
  loadKey: string;
  loadEvents: HealthEvent[];
  /** One bureau token per STREAM_MAX_PER_TOKEN clients. */
  tokens: string[];
  /** The values requests each client subscribes to (a city dashboard's grid). */
  cells: object[];
}

export interface StreamFanoutResult {
  clients: number;
  connected: number;
  seconds: number;
  eventsPerSecond: number;
  messagesPerClientPerMinute: number;
  maxMessagesPerSecondOfAClient: number;
  bytesPerClientPerMinute: number;
  cellsReceived: number;
  /** From a cell's `asOf` (the aggregator's counter update) to its arrival at a client, ms. */
  p50: number;
  p99: number;
  rssBefore: number;
  /** Once the streams are open, before the load starts. */
  rssOpened: number;
  rssAfter: number;
}

interface Client {
  messages: number;
  bytes: number;
  perSecond: Map<number, number>;
}

/**
 * `clients` SSE streams subscribed to `cells` while events are posted to ingest at `rate` events/s
 * (batches of 100) and aggregated: messages and bytes each client receives, change → client latency
 * (same machine clock), and the query process's RSS before the streams opened and at the end.
 */
export async function streamFanout(setup: StreamFanoutSetup, clients: number, rate: number, seconds: number): Promise<StreamFanoutResult> {
  const rssBefore = residentMiB(setup.queryPid) ?? NaN;
  const controller = new AbortController();
  const latencies: number[] = [];
  let measuring = false;
  const states: Client[] = [];
  const url = (token: string) => `${setup.queryUrl}/v1/stream?token=${encodeURIComponent(token)}&cells=${encodeURIComponent(JSON.stringify(setup.cells))}`;
  const opened = await Promise.all(
    Array.from({ length: clients }, async (_, i) => {
      const response = await fetch(url(setup.tokens[i % setup.tokens.length]), { signal: controller.signal, headers: { accept: 'text/event-stream' } });
      if (!response.ok || !response.body) return false;
      const client: Client = { messages: 0, bytes: 0, perSecond: new Map() };
      states.push(client);
      void (async () => {
        const decoder = new TextDecoder();
        let buffer = '';
        try {
          for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
            if (!measuring) continue;
            const now = Date.now();
            client.bytes += chunk.byteLength;
            buffer += decoder.decode(chunk, { stream: true });
            let end: number;
            while ((end = buffer.indexOf('\n\n')) >= 0) {
              const block = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              if (!/^event: cells$/m.test(block)) continue;
              client.messages += 1;
              const second = Math.floor(now / 1000);
              client.perSecond.set(second, (client.perSecond.get(second) ?? 0) + 1);
              const data = /^data: (.*)$/m.exec(block)?.[1];
              for (const cell of data ? (JSON.parse(data) as { cells: { asOf: string | null }[] }).cells : []) {
                if (cell.asOf) latencies.push(now - Date.parse(cell.asOf));
              }
            }
          }
        } catch {
          // aborted at the end
        }
      })();
      return true;
    }),
  );

  await sleep(2000);
  const rssOpened = residentMiB(setup.queryPid) ?? NaN;
  const batch = 100;
  const bodies: string[] = [];
  for (let i = 0; i + batch <= setup.loadEvents.length; i += batch) bodies.push(JSON.stringify({ events: setup.loadEvents.slice(i, i + batch) }));
  let next = 0;
  let accepted = 0;
  const load = autocannon(
    {
      url: `${setup.ingestUrl}/v1/events`,
      method: 'POST',
      connections: 8,
      overallRate: rate / batch,
      duration: seconds + 5,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${setup.loadKey}` },
      requests: [{ setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }) }],
    },
    () => undefined,
  );
  load.on('response', (_client, status) => {
    if (measuring && status === 202) accepted += batch;
  });
  const loadDone = new Promise((resolve) => load.on('done', resolve));
  await sleep(5000); // let the load reach its rate and the first windows pass
  measuring = true;
  const started = performance.now();
  await sleep(seconds * 1000);
  measuring = false;
  const elapsed = (performance.now() - started) / 1000;
  const rssAfter = residentMiB(setup.queryPid) ?? NaN;
  load.stop();
  await loadDone;
  controller.abort();

  const perMinute = (total: number) => (total / Math.max(states.length, 1)) * (60 / elapsed);
  return {
    clients,
    connected: opened.filter(Boolean).length,
    seconds: elapsed,
    eventsPerSecond: accepted / elapsed,
    messagesPerClientPerMinute: perMinute(states.reduce((sum, c) => sum + c.messages, 0)),
    maxMessagesPerSecondOfAClient: Math.max(0, ...states.flatMap((c) => [...c.perSecond.values()])),
    bytesPerClientPerMinute: perMinute(states.reduce((sum, c) => sum + c.bytes, 0)),
    cellsReceived: latencies.length,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    rssBefore,
    rssOpened,
    rssAfter,
  };
}
