import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
// One definition of the file's shape: the simulator's, which reads what seed-demo writes here.
import type { DemoCredentials } from '../../apps/simulator/src/sinks/credentials-file';

export type { DemoCredentials };

export const DEFAULT_CREDENTIALS_FILE = '.local/demo-credentials.json';

/** The saved file, or `undefined` when there is none or it is not a credentials file (then new ones are issued). */
export function readDemoCredentials(file: string): DemoCredentials | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  const { institutions, apiKeyIds = {}, bureaus } = (parsed ?? {}) as Partial<DemoCredentials>;
  if (!isStringRecord(institutions) || !isStringRecord(apiKeyIds) || !isStringRecord(bureaus)) return undefined;
  return { institutions, apiKeyIds, bureaus };
}

/** Written whole then renamed, readable by the owner only: it holds live secrets. */
export function writeDemoCredentials(file: string, credentials: DemoCredentials): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, file);
}

/**
 * The saved secrets that still work for the owner they are saved under. `owners[i]` is what the
 * admin API says the i-th secret of `saved` belongs to (null: unknown or revoked).
 */
export function stillValid(saved: Record<string, string>, owners: readonly (string | null)[]): Record<string, string> {
  return Object.fromEntries(Object.entries(saved).filter(([owner], i) => owners[i] === owner));
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string');
}
