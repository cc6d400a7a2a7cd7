import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { KafkaPrincipal } from '@lib/kafka';
import type { AppName } from './app-process';

// Works from the sources (tests, ts-jest) and from dist/tools/lib (benchmarks).
const ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../../..' : '../..');

/** Who a local process is to the broker: an app, an institution's producer, or the super user. */
export type LocalKafkaPrincipal = KafkaPrincipal | 'admin';

interface CredentialsFile {
  mechanism: string;
  passwords: Record<string, string>;
}

/**
 * The KAFKA_SASL_* variables of a principal of the local broker, from the credentials file
 * deploy/local/kafka.sh writes (KAFKA_CREDENTIALS_FILE, else $KAFKA_LOCAL_DIR or .local/kafka of
 * this checkout). No file: no variables, for a broker without authentication.
 */
export function localKafkaCredentials(principal: LocalKafkaPrincipal): Record<string, string> {
  const file = process.env.KAFKA_CREDENTIALS_FILE ?? path.join(process.env.KAFKA_LOCAL_DIR ?? path.join(ROOT, '.local/kafka'), 'credentials.json');
  let credentials: CredentialsFile;
  try {
    credentials = JSON.parse(readFileSync(file, 'utf8')) as CredentialsFile;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  const password = credentials.passwords[principal];
  if (!password) throw new Error(`${file} has no password for ${principal}: reset the local broker (deploy/local/kafka.sh reset)`);
  return { KAFKA_SASL_MECHANISM: credentials.mechanism, KAFKA_SASL_USERNAME: principal, KAFKA_SASL_PASSWORD: password };
}

/** The principal each app runs as (the simulator produces as an institution would). */
export const APP_PRINCIPALS: Record<AppName, KafkaPrincipal> = {
  ingest: 'ingest',
  aggregator: 'aggregator',
  query: 'query',
  alerting: 'alerting',
  simulator: 'integrator',
};
