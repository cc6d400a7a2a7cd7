import autocannon from 'autocannon';
import type { HealthEvent } from '@lib/contracts';
import { periodsOf } from '@lib/periods';
import { sleep } from '../../lib/app-process';
import { percentile } from './latency';

export interface FreshnessSetup {
  ingestUrl: string;
  queryUrl: string;
  /** Key of the institution the background load reports as. */
  loadKey: string;
  loadEvents: HealthEvent[];
  /** A home-visit service event of the probe institution; each probe sends it with a new eventId. */
  probe: HealthEvent;
  probeKey: string;
  bureauToken: string;
}

/**
 * Freshness under load: while a background load of `rate` events/s (batches of 100) runs, probe
 * events are posted one at a time, and each is timed from its 202 until the probe institution's
 * home-visit count in the query API includes it.
 */
export async function freshness(setup: FreshnessSetup, rate: number, probes: number): Promise<{ p50: number; p99: number; samples: number }> {
  const batch = 100;
  const bodies: string[] = [];
  for (let i = 0; i + batch <= setup.loadEvents.length; i += batch) bodies.push(JSON.stringify({ events: setup.loadEvents.slice(i, i + batch) }));
  let next = 0;
  const load = autocannon(
    {
      url: `${setup.ingestUrl}/v1/events`,
      method: 'POST',
      connections: 8,
      overallRate: rate / batch,
      duration: 3600,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${setup.loadKey}` },
      requests: [{ setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }) }],
    },
    () => undefined,
  );
  const loadDone = new Promise((resolve) => load.on('done', resolve));

  const day = periodsOf(setup.probe.occurredAt).day; // periods are in China Standard Time, not UTC
  const countPath = `/v1/indicators/home_visits/values?period=${day}&region=${setup.probe.institutionId}&level=institution`;
  const count = async () => {
    const response = await fetch(`${setup.queryUrl}${countPath}`, { headers: { authorization: `Bearer ${setup.bureauToken}` } });
    const body = (await response.json()) as { values: { value: number | null }[] };
    return body.values[0]?.value ?? 0;
  };

  const latencies: number[] = [];
  try {
    await sleep(2000); // let the load reach its rate
    for (let i = 0; i < probes; i++) {
      const before = await count();
      const event = { ...setup.probe, eventId: `PROBE-${Date.now()}-${i}` };
      const response = await fetch(`${setup.ingestUrl}/v1/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${setup.probeKey}` },
        body: JSON.stringify(event),
      });
      const accepted = performance.now();
      if (response.status !== 202) throw new Error(`probe answered ${response.status}: ${await response.text()}`);
      const deadline = accepted + 30_000;
      while ((await count()) <= before) {
        if (performance.now() > deadline) throw new Error('probe not visible within 30 s');
        await sleep(5);
      }
      latencies.push(performance.now() - accepted);
      await sleep(100);
    }
  } finally {
    load.stop();
    await loadDone;
  }
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), samples: latencies.length };
}
