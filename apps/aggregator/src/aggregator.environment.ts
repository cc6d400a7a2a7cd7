import { IsIn, IsInt, Max, Min } from 'class-validator';
import { BaseEnvironment } from '@lib/config';

/** Variables of the aggregator app (see .env.example). */
export class AggregatorEnvironment extends BaseEnvironment {
  override PORT: number = 3003;

  /** `compiled` (fast) or `declarative` (the reference the compiled catalogue is tested against). */
  @IsIn(['compiled', 'declarative'])
  AGGREGATOR_ENGINE: 'compiled' | 'declarative' = 'compiled';

  /**
   * Transactions one process applies at the same time, each for its own share of the partitions
   * (partition modulo lanes): one computes while another waits for PostgreSQL.
   */
  @IsInt()
  @Min(1)
  @Max(6)
  AGGREGATOR_TRANSACTION_LANES: number = 2;
}
