import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const DIR = path.resolve(__dirname, '../../../.local/fault-figures');

/**
 * The figures of one fault test (inputs tried, faults injected, events lost / doubled), printed and
 * kept in .local/fault-figures/<name>.json so docs/reliability.md can quote the last run.
 */
export function recordFigures(name: string, figures: Record<string, unknown>): void {
  mkdirSync(DIR, { recursive: true });
  const line = JSON.stringify({ name, at: new Date().toISOString(), ...figures });
  writeFileSync(path.join(DIR, `${name}.json`), `${line}\n`);
  process.stdout.write(`[faults] ${line}\n`);
}
