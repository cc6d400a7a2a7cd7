import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { BaseEnvironment } from '@lib/config';

/** Variables of the query app (see .env.example). */
export class QueryEnvironment extends BaseEnvironment {
  override PORT: number = 3002;

  /** Longest a provenance statement may run before PostgreSQL cancels it (the request answers 503). */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(600_000)
  PROVENANCE_STATEMENT_TIMEOUT_MS: number = 5000;
}
