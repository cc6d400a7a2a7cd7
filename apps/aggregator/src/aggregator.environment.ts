import { IsIn } from 'class-validator';
import { BaseEnvironment } from '@lib/config';

/** Variables of the aggregator app (see .env.example). */
export class AggregatorEnvironment extends BaseEnvironment {
  override PORT: number = 3003;

  /** `compiled` (fast) or `declarative` (the reference the compiled catalogue is tested against). */
  @IsIn(['compiled', 'declarative'])
  AGGREGATOR_ENGINE: 'compiled' | 'declarative' = 'compiled';
}
