import autocannon from 'autocannon';
import type { HealthEvent } from '@lib/contracts';
import { openLoopLatency } from './open-loop';
import { cpuSeconds } from './process-cpu';

export interface HttpIngestResult {
  eventsPerSecond: number;
  requests: number;
  non2xx: number;
}

/**
 * Batches of `batchSize` events of one institution posted by several connections for `seconds`.
 * Bodies are prepared before the clock starts, so the load generator measures ingest, not itself.
 */
export async function batchThroughput(url: string, apiKey: string, events: HealthEvent[], batchSize: number, seconds: number): Promise<HttpIngestResult> {
  const bodies: string[] = [];
  for (let i = 0; i + batchSize <= events.length; i += batchSize) bodies.push(JSON.stringify({ events: events.slice(i, i + batchSize) }));
  let next = 0;
  const result = await autocannon({
    url: `${url}/v1/events`,
    method: 'POST',
    connections: 4,
    pipelining: 1,
    duration: seconds,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    requests: [{ setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }) }],
  });
  const accepted = result['2xx'];
  return { eventsPerSecond: (accepted * batchSize) / seconds, requests: result.requests.total, non2xx: result.non2xx };
}

/**
 * Single events at a fixed request rate: the latency a clinic's system sees for one report, the
 * rate answered 2xx, and the ingest process's CPU time per request (from /proc, before and after;
 * it includes what the process does in the background meanwhile).
 */
export async function singleEventLatency(url: string, apiKey: string, events: HealthEvent[], rate: number, seconds: number, ingestPid: number | undefined) {
  const cpuBefore = cpuSeconds(ingestPid);
  const result = await openLoopLatency({
    url: `${url}/v1/events`,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    bodies: events.slice(0, rate * seconds).map((event) => JSON.stringify(event)),
    rate,
    seconds,
  });
  const cpuMsPerRequest = ((cpuSeconds(ingestPid) - cpuBefore) * 1000) / result.requests;
  return { p50: result.p50, p99: result.p99, acceptedPerSecond: result.okPerSecond, cpuMsPerRequest, requests: result.requests, non2xx: result.non2xx };
}
