import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXAMPLE_EVENTS, type HealthEvent } from '@lib/contracts';
import { SinkNotReadyError } from './event-sink';
import { HttpSink } from './http-sink';

/** The HTTP sink against a stub ingest: grouping by institution key, retries with the same eventIds. */
describe('HttpSink', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'http-sink-'));
  const credentialsFile = path.join(dir, 'credentials.json');
  const requests: { auth?: string; eventIds: string[] }[] = [];
  let failNext = 0;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/health') return void res.end('{"status":"ok"}');
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const events = (JSON.parse(body) as { events: HealthEvent[] }).events;
        requests.push({ auth: req.headers.authorization, eventIds: events.map((e) => e.eventId) });
        if (failNext > 0) {
          failNext--;
          res.writeHead(503).end('{}');
          return;
        }
        res.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ results: events.map((_, index) => ({ index, status: 'accepted' })) }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    writeFileSync(credentialsFile, JSON.stringify({ institutions: { '610921-THC-001': 'key-thc', '610921-CH-001': 'key-ch' }, bureaus: {} }));
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => (requests.length = 0));

  const sink = (file = credentialsFile) =>
    new HttpSink({ ingestUrl: url, credentialsFile: file, batchSize: 2, concurrency: 2, backoff: { attempts: 4, initialMs: 5, maxMs: 20 } });

  it('sends each institution’s events with its own key, in batches, and counts an unknown institution as an error', async () => {
    const events = [...EXAMPLE_EVENTS.visit, ...EXAMPLE_EVENTS.chronic_followup] as HealthEvent[];
    const tally = await sink().send(events);
    const keyed = events.filter((e) => e.institutionId === '610921-THC-001' || e.institutionId === '610921-CH-001');
    expect(tally).toEqual({ sent: events.length, accepted: keyed.length, duplicate: 0, rejected: 0, errors: events.length - keyed.length });
    for (const r of requests) expect(r.eventIds.length).toBeLessThanOrEqual(2);
    expect(new Set(requests.map((r) => r.auth))).toEqual(new Set(['Bearer key-thc', 'Bearer key-ch']));
  });

  it('retries a 503 with the same eventIds', async () => {
    failNext = 2;
    const [event] = EXAMPLE_EVENTS.visit;
    const tally = await sink().send([event]);
    expect(tally.accepted).toBe(1);
    expect(requests.map((r) => r.eventIds)).toEqual([[event.eventId], [event.eventId], [event.eventId]]);
  });

  it('is not ready without a credentials file', async () => {
    await expect(sink(path.join(dir, 'missing.json')).send([EXAMPLE_EVENTS.visit[0]])).rejects.toBeInstanceOf(SinkNotReadyError);
  });
});
