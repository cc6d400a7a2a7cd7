import http from 'node:http';
import { percentile } from './latency';
import { runInWorker, serveAsWorker } from './worker-client';

export interface OpenLoopOptions {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** Request bodies (POST), used in turn. */
  bodies?: string[];
  rate: number;
  seconds: number;
}

export interface OpenLoopResult {
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  /** Requests completed per second of the run. */
  achievedPerSecond: number;
  /** Requests answered 2xx per second of the run. */
  okPerSecond: number;
}

const TICK_MS = 2;

/**
 * Requests at evenly spaced instants (an open loop, as wrk2 does), each one's latency counted from
 * the instant it was due: a slow server cannot slow the client down and hide its own queueing
 * (coordinated omission). autocannon's `overallRate` instead fires each connection's per-second
 * quota back to back at the start of every second, which measures bursts of the whole rate.
 * The client runs in a worker thread: a pause of the benchmark's own large heap would otherwise delay
 * requests and count as server latency.
 */
export function openLoopLatency(options: OpenLoopOptions): Promise<OpenLoopResult> {
  return runInWorker(__filename, options, 'open-loop client');
}

async function runOpenLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const total = Math.round(options.rate * options.seconds);
  const latencies: number[] = [];
  let non2xx = 0;
  let sent = 0;
  const inFlight = new Set<Promise<void>>();
  const started = performance.now();

  const send = (i: number, due: number) => {
    const body = options.bodies?.[i % options.bodies.length];
    const request = new Promise<void>((resolve) => {
      const req = http.request(
        options.url,
        { method: options.method ?? 'GET', agent, headers: { ...options.headers, ...(body ? { 'content-length': Buffer.byteLength(body) } : {}) } },
        (res) => {
          res.resume();
          res.on('end', () => {
            if ((res.statusCode ?? 0) >= 300) non2xx += 1;
            latencies.push(performance.now() - due);
            resolve();
          });
        },
      );
      req.on('error', () => {
        non2xx += 1;
        resolve();
      });
      req.end(body);
    });
    inFlight.add(request);
    void request.then(() => inFlight.delete(request));
  };

  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const now = performance.now();
      for (; sent < total && started + (sent * 1000) / options.rate <= now; sent++) send(sent, started + (sent * 1000) / options.rate);
      if (sent >= total) {
        clearInterval(timer);
        resolve();
      }
    }, TICK_MS);
  });
  await Promise.all(inFlight);
  agent.destroy();
  const elapsedSeconds = (performance.now() - started) / 1000;
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    requests: total,
    non2xx,
    achievedPerSecond: latencies.length / elapsedSeconds,
    okPerSecond: (total - non2xx) / elapsedSeconds,
  };
}

// In the worker thread, after every declaration above: run the client.
serveAsWorker(runOpenLoop);
