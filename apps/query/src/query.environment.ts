import { BaseEnvironment } from '@lib/config';

/** Variables of the query app (see .env.example). */
export class QueryEnvironment extends BaseEnvironment {
  override PORT: number = 3002;
}
