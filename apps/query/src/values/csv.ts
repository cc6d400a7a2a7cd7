/**
 * CSV for Excel users: UTF-8 with a byte-order mark (so Excel opens Chinese names correctly),
 * CRLF line ends, RFC 4180 quoting, and formula-looking cells neutralised (CSV injection).
 */
export function toCsv<T extends object>(columns: (keyof T & string)[], rows: T[], headers: readonly string[] = columns): string {
  const lines = [headers.map(cell).join(','), ...rows.map((row) => columns.map((column) => cell((row as Record<string, unknown>)[column])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  // A nested value (a list, an object) as JSON, not as [object Object].
  const scalar = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint';
  let text = scalar ? String(value) : JSON.stringify(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
