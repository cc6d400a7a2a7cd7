import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { FeedStatus } from './feed-runner.service';

class FeedRateDto {
  @ApiProperty({ example: 50, description: 'Events per second asked for (SIMULATOR_RATE)' }) target: number;
  @ApiProperty({ example: 49.6, description: 'Measured over the last ~10 s' }) actual: number;
}

/** OpenAPI shape of the feed's status (FeedRunner.status()). */
export class FeedStatusDto implements FeedStatus {
  @ApiProperty() running: boolean;
  @ApiProperty({ example: 'http' }) sink: string;
  @ApiProperty({ example: 'ankang' }) scenario: string;
  @ApiProperty({ example: 'demo' }) seed: string;
  @ApiProperty({ type: FeedRateDto }) rate: FeedRateDto;
  @ApiProperty({ example: 12000 }) sent: number;
  @ApiProperty({ example: 11990 }) accepted: number;
  @ApiProperty({ example: 10 }) duplicate: number;
  @ApiProperty({ example: 0 }) rejected: number;
  @ApiProperty({ example: 0, description: 'Events not delivered after the retries' }) errors: number;
  @ApiPropertyOptional({ format: 'date-time' }) startedAt?: string;
  @ApiPropertyOptional({ example: 'ingest not reachable' }) lastProblem?: string;
  @ApiProperty({ example: 42, description: 'Story steps waiting for their time' }) pending: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, example: {}, description: 'Rejection code → count; should stay empty' })
  rejectionCodes: Record<string, number>;
}
