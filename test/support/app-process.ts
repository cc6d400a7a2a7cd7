import { AppName, AppProcess as GenericAppProcess } from '../../tools/lib/app-process';
import { APP_PRINCIPALS, localKafkaCredentials } from '../../tools/lib/local-kafka-credentials';
import { testEnvironment } from './test-environment';

export { eventually, sleep } from '../../tools/lib/app-process';
export type { AppName } from '../../tools/lib/app-process';

/**
 * Ports are fixed per test file (39xx–47xx); files running at the same time in other jest workers
 * take the same numbers 1,000 higher per worker, so parallel workers never collide.
 */
const WORKER_PORT_OFFSET = (Number(process.env.JEST_WORKER_ID ?? '1') - 1) * 1000;

/**
 * An app process in the test environment (this run's topics, database and Redis prefix) plus
 * overrides, authenticated to the broker as the app's own principal, so the ACLs are exercised.
 */
export class AppProcess extends GenericAppProcess {
  constructor(app: AppName, port: number, overrides: Record<string, string> = {}) {
    super(app, port + WORKER_PORT_OFFSET, testEnvironment({ ...localKafkaCredentials(APP_PRINCIPALS[app]), ...overrides }));
  }
}
