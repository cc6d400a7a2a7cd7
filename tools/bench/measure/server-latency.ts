import { METRIC_HTTP_REQUEST_DURATION } from '@lib/observability';
import { histogramBuckets, quantileBetween } from '../../lib/metric-samples';

export interface ServerLatency {
  /** Milliseconds from the request's arrival to its last byte sent, as the app measures it (its own histogram). */
  p50: number;
  p99: number;
}

/**
 * Runs `load` and reads what the app's own request histogram saw of one route meanwhile (scraped from
 * its /metrics before and after). Beside the client's latencies this tells the app's share from the
 * load generator's and the box's: on 2 shared cores a client-side p99 holds the client's own delays.
 */
export async function withServerLatency<T>(appUrl: string, route: string, load: () => Promise<T>): Promise<T & { server: ServerLatency }> {
  const scrape = async () => histogramBuckets(await (await fetch(`${appUrl}/metrics`)).text(), METRIC_HTTP_REQUEST_DURATION, { route });
  const before = await scrape();
  const result = await load();
  const after = await scrape();
  return { ...result, server: { p50: quantileBetween(before, after, 0.5) * 1000, p99: quantileBetween(before, after, 0.99) * 1000 } };
}
