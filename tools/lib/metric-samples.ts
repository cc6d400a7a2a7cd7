/** One series of a Prometheus text exposition: its labels and its value. */
interface Sample {
  labels: Map<string, string>;
  value: number;
}

/**
 * The series of one metric in a Prometheus text exposition that carry these labels (and any others),
 * whatever the labels' order (prom-client puts the default `app` label first or last depending on how
 * a sample was recorded).
 */
function samplesOf(exposition: string, name: string, labels: Record<string, string>): Sample[] {
  const samples: Sample[] = [];
  for (const line of exposition.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = new Map([...(match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => present.get(key) === value)) samples.push({ labels: present, value: Number(match[3]) });
  }
  return samples;
}

/** The value of one series, found by name and labels; 0 when the series is absent. */
export function sampleOf(exposition: string, name: string, labels: Record<string, string>): number {
  return samplesOf(exposition, name, labels)[0]?.value ?? 0;
}

/** A histogram's cumulative bucket counts (upper bound in seconds → observations at or under it), summed over its series with these labels. */
export function histogramBuckets(exposition: string, name: string, labels: Record<string, string>): Map<number, number> {
  const buckets = new Map<number, number>();
  for (const { labels: present, value } of samplesOf(exposition, `${name}_bucket`, labels)) {
    const bound = present.get('le');
    const le = bound === '+Inf' ? Infinity : Number(bound);
    buckets.set(le, (buckets.get(le) ?? 0) + value);
  }
  return buckets;
}

/**
 * The q-quantile (0–1) of the observations made between two scrapes of a histogram, in its unit,
 * interpolated linearly within the bucket it falls in, as Prometheus's `histogram_quantile` does.
 * NaN when nothing was observed; the highest finite bound when it falls in the `+Inf` bucket.
 */
export function quantileBetween(before: Map<number, number>, after: Map<number, number>, q: number): number {
  const bounds = [...after.keys()].sort((a, b) => a - b);
  const counts = bounds.map((le) => (after.get(le) ?? 0) - (before.get(le) ?? 0));
  const total = counts.at(-1) ?? 0;
  if (total === 0) return NaN;
  const rank = q * total;
  const index = counts.findIndex((count) => count >= rank);
  if (bounds[index] === Infinity) return bounds[index - 1];
  const [lower, below] = index === 0 ? [0, 0] : [bounds[index - 1], counts[index - 1]];
  return lower + (bounds[index] - lower) * ((rank - below) / (counts[index] - below));
}
