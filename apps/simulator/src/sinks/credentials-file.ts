import { readFile } from 'node:fs/promises';
import { SinkNotReadyError } from './event-sink';

/**
 * The demo's credentials, written by `node dist/tools/cli.js seed-demo` (tools/admin-cli/demo-credentials.ts,
 * which uses this definition): `{ "institutions": { "<id>": "<key>" }, "apiKeyIds": { "<id>": "<key id>" },
 * "bureaus": { "<region>": "<token>" } }` — institution → API key, institution → that key's id, region → bureau token.
 * A missing or half-written file means "not seeded yet": the caller waits, it is not an error.
 */
export interface DemoCredentials {
  /** Each institution's API key. */
  institutions: Record<string, string>;
  /** The id of each institution's key: what signs its raw-topic messages (`hi-key-id`). */
  apiKeyIds: Record<string, string>;
  /** Each region's bureau token. */
  bureaus: Record<string, string>;
}

export async function readCredentialsFile(path: string): Promise<DemoCredentials> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new SinkNotReadyError(`credentials file ${path} not readable yet (${(error as NodeJS.ErrnoException).code ?? 'error'}); run seed-demo`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new SinkNotReadyError(`credentials file ${path} is not JSON (yet)`);
  }
  const institutions = (parsed as Partial<DemoCredentials> | null)?.institutions;
  if (typeof institutions !== 'object' || institutions === null || Object.keys(institutions).length === 0) {
    throw new SinkNotReadyError(`credentials file ${path} has no institution keys`);
  }
  const { apiKeyIds = {}, bureaus = {} } = parsed as Partial<DemoCredentials>;
  return { institutions, apiKeyIds, bureaus };
}
