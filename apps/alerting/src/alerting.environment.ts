import { BaseEnvironment } from '@lib/config';

/** Variables of the alerting app (see .env.example). */
export class AlertingEnvironment extends BaseEnvironment {
  override PORT: number = 3004;
}
