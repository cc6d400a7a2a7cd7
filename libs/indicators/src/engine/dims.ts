/**
 * Canonical dimension strings: `k=v` pairs sorted by key, joined by `;`, '' when undisaggregated.
 * Sorting makes the same dimensions one counter key whatever order a definition lists them in.
 */
export function formatDims(dims: Readonly<Record<string, string | number | boolean>>): string {
  return Object.keys(dims)
    .sort()
    .map((k) => `${k}=${dims[k]}`)
    .join(';');
}

export function parseDims(dims: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (dims === '') return out;
  for (const pair of dims.split(';')) {
    const i = pair.indexOf('=');
    if (i <= 0) throw new Error(`malformed dims "${dims}"`);
    out[pair.slice(0, i)] = pair.slice(i + 1);
  }
  return out;
}
