/**
 * The value of one series in a Prometheus text exposition, found by name and labels whatever the
 * labels' order (prom-client puts the default `app` label first or last depending on how a sample
 * was recorded); 0 when the series is absent.
 */
export function sampleOf(exposition: string, name: string, labels: Record<string, string>): number {
  for (const line of exposition.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = new Map([...(match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => present.get(key) === value)) return Number(match[3]);
  }
  return 0;
}
