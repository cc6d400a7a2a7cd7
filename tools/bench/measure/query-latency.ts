import autocannon from 'autocannon';

/** One bureau dashboard read at a fixed request rate: p50/p99 in milliseconds. */
export async function queryLatency(url: string, path: string, token: string, rate: number, seconds: number) {
  const result = await autocannon({
    url: `${url}${path}`,
    connections: 32,
    overallRate: rate,
    duration: seconds,
    headers: { authorization: `Bearer ${token}` },
  });
  return { p50: result.latency.p50, p99: result.latency.p99, requestsPerSecond: result.requests.average, non2xx: result.non2xx };
}
