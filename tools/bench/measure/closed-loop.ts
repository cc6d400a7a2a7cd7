import http from 'node:http';
import { percentile } from './latency';
import { runInWorker, serveAsWorker } from './worker-client';

export interface ClosedLoopOptions {
  url: string;
  headers: Record<string, string>;
  /** Request bodies, each sent once, in turn across the clients. */
  bodies: string[];
  clients: number;
  seconds: number;
}

export interface ClosedLoopResult {
  clients: number;
  /** Requests answered 2xx per second of the run. */
  acceptedPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
}

/**
 * `clients` clients each posting its next request as soon as the previous one is answered (a
 * hospital system sending events one by one, as they happen), for `seconds`: what the door accepts
 * with that many senders, and their latency. Runs in a worker thread, like the open loop.
 */
export function closedLoop(options: ClosedLoopOptions): Promise<ClosedLoopResult> {
  return runInWorker(__filename, options, 'closed-loop client');
}

async function runClosedLoop({ url, headers, bodies, clients, seconds }: ClosedLoopOptions): Promise<ClosedLoopResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const latencies: number[] = [];
  let next = 0;
  let ok = 0;
  let non2xx = 0;
  const started = performance.now();
  const until = started + seconds * 1000;

  const post = (body: string) =>
    new Promise<void>((resolve) => {
      const sent = performance.now();
      const request = http.request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (response) => {
        response.resume();
        response.on('end', () => {
          if ((response.statusCode ?? 0) >= 300) non2xx += 1;
          else ok += 1;
          latencies.push(performance.now() - sent);
          resolve();
        });
      });
      request.on('error', () => {
        non2xx += 1;
        resolve();
      });
      request.end(body);
    });

  const client = async () => {
    while (performance.now() < until && next < bodies.length) await post(bodies[next++]);
  };
  await Promise.all(Array.from({ length: clients }, client));
  agent.destroy();
  const elapsed = (performance.now() - started) / 1000;
  return {
    clients,
    acceptedPerSecond: ok / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    requests: ok + non2xx,
    non2xx,
  };
}

// In the worker thread, after every declaration above: run the client.
serveAsWorker(runClosedLoop);
