import { openLoopLatency } from './open-loop';

/** One bureau dashboard read at a fixed request rate (evenly spaced): p50/p99 in milliseconds. */
export async function queryLatency(url: string, path: string, token: string, rate: number, seconds: number) {
  const result = await openLoopLatency({ url: `${url}${path}`, headers: { authorization: `Bearer ${token}` }, rate, seconds });
  return { p50: result.p50, p99: result.p99, requestsPerSecond: result.achievedPerSecond, non2xx: result.non2xx };
}
