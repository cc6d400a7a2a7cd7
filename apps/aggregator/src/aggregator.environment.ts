import { BaseEnvironment } from '@lib/config';

/** Variables of the aggregator app (see .env.example). */
export class AggregatorEnvironment extends BaseEnvironment {
  override PORT: number = 3003;
}
