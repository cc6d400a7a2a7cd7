/**
 * A value as bureaus read it, in its unit's precision: a percent indicator's fraction as 91.3%, a
 * count as a whole number, money in yuan with fen (2 decimals, 元), a ratio with 2 decimals; `—`
 * when there is no value. One spelling for alert messages and exports alike. `unit` is a Unit's name
 * (alert messages carry it as text).
 */
export function displayValue(value: number | null, unit: string): string {
  if (value === null) return '—';
  if (unit === 'percent') return `${(value * 100).toFixed(1)}%`;
  if (unit === 'count') return String(Math.round(value));
  if (unit === 'yuan') return `${value.toFixed(2)}元`;
  return value.toFixed(2);
}
