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

/** How people read a dimension's value, in Chinese; a dimension not listed reads `key=value`. */
const DIMENSION_TEXT: Record<string, (value: string) => string> = {
  vaccine: (value) => value,
  dose: (value) => `第${value}剂`,
  cohort: (value) => `${value}年出生队列`,
};
/** Vaccine before dose before cohort, as programmes speak of them ("HepB-3, 2023 cohort"); others after, by key. */
const READING_ORDER = ['vaccine', 'dose', 'cohort'];

function inReadingOrder(dims: string): [string, string][] {
  const rank = (key: string) => (READING_ORDER.includes(key) ? READING_ORDER.indexOf(key) : READING_ORDER.length);
  return Object.entries(parseDims(dims)).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}

/** A cell's dimensions for people: `HepB 第3剂 2023年出生队列`; '' when undisaggregated. */
export function describeDims(dims: string): string {
  return inReadingOrder(dims)
    .map(([key, value]) => DIMENSION_TEXT[key]?.(value) ?? `${key}=${value}`)
    .join(' ');
}

/** A cell's dimensions as a file-name part: `vaccine-HepB-dose-3-cohort-2023`; '' when undisaggregated. */
export function dimsFileSuffix(dims: string): string {
  return inReadingOrder(dims)
    .map(([key, value]) => `${key}-${value}`.replace(/[^A-Za-z0-9_-]/g, '_'))
    .join('-');
}
