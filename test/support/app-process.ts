import { AppName, AppProcess as GenericAppProcess } from '../../tools/lib/app-process';
import { testEnvironment } from './test-environment';

export { eventually, sleep } from '../../tools/lib/app-process';
export type { AppName } from '../../tools/lib/app-process';

/** An app process in the test environment (this run's topics, database and Redis prefix) plus overrides. */
export class AppProcess extends GenericAppProcess {
  constructor(app: AppName, port: number, overrides: Record<string, string> = {}) {
    super(app, port, testEnvironment(overrides));
  }
}
