import { AppName, AppProcess as GenericAppProcess } from '../../tools/lib/app-process';
import { APP_PRINCIPALS, localKafkaCredentials } from '../../tools/lib/local-kafka-credentials';
import { testEnvironment } from './test-environment';

export { eventually, sleep } from '../../tools/lib/app-process';
export type { AppName } from '../../tools/lib/app-process';

/**
 * An app process in the test environment (this run's topics, database and Redis prefix) plus
 * overrides, authenticated to the broker as the app's own principal, so the ACLs are exercised.
 */
export class AppProcess extends GenericAppProcess {
  constructor(app: AppName, port: number, overrides: Record<string, string> = {}) {
    super(app, port, testEnvironment({ ...localKafkaCredentials(APP_PRINCIPALS[app]), ...overrides }));
  }
}
