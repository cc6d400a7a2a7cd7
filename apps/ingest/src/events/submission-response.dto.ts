import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class EventErrorDto {
  @ApiProperty({ example: 'person.residenceRegion' })
  path: string;

  @ApiProperty({ example: 'unknown_region', description: 'Machine-readable reason (see the contract’s rejection codes, plus forbidden_institution)' })
  code: string;

  @ApiProperty({ example: 'Region 610999 is not a registered region' })
  message: string;
}

export class EventResultDto {
  @ApiProperty({ example: 0, description: 'Position of the event in the request' })
  index: number;

  @ApiPropertyOptional({ example: 'HIS-0001-2024-000123' })
  eventId?: string;

  @ApiPropertyOptional({ example: 1 })
  version?: number;

  @ApiProperty({ enum: ['accepted', 'duplicate', 'rejected'] })
  status: 'accepted' | 'duplicate' | 'rejected';

  @ApiPropertyOptional({ type: [EventErrorDto] })
  errors?: EventErrorDto[];
}

export class SubmissionSummaryDto {
  @ApiProperty() accepted: number;
  @ApiProperty() duplicate: number;
  @ApiProperty() rejected: number;
}

export class SubmissionResponseDto {
  @ApiProperty({ type: [EventResultDto] })
  results: EventResultDto[];

  @ApiProperty({ type: SubmissionSummaryDto })
  summary: SubmissionSummaryDto;
}
