import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REGION_LEVELS } from '@lib/indicators';

/** OpenAPI shape of GET /v1/indicators/{code}/provenance (ProvenanceService's page). */
export class ProvenanceEventDto {
  @ApiProperty({ example: 'HIS-0001-2026-000123' }) eventId: string;
  @ApiProperty({ example: '610921-THC-001' }) institutionId: string;
  @ApiProperty({ example: 1 }) version: number;
  @ApiProperty({ example: 'visit' }) type: string;
  @ApiProperty({ example: 'outpatient' }) action: string;
  @ApiProperty({ example: '2026-03-15T09:30:00+08:00' }) occurredAt: string;
  @ApiPropertyOptional({ example: 'hmac-sha256:k1:3f0c…', description: 'The keyed pseudonym, never the ID number' }) person?: string;
}

export class ProvenanceItemDto {
  @ApiProperty({ example: 'visit:610921-THC-001:HIS-0001-2026-000123', description: 'What was counted once: a visit, a person × condition, a referral…' })
  subject: string;
  @ApiProperty({ example: 1, description: 'What it adds to the part asked for; money in yuan, like the values' }) contributes: number;
  @ApiProperty({ type: [ProvenanceEventDto] }) events: ProvenanceEventDto[];
}

export class ProvenancePageDto {
  @ApiProperty({ example: 'county_visit_rate' }) indicator: string;
  @ApiProperty({ example: '2026' }) period: string;
  @ApiProperty({ example: '610921' }) region: string;
  @ApiProperty({ enum: REGION_LEVELS }) level: string;
  @ApiProperty({ enum: ['numerator', 'denominator', 'value'] }) part: string;
  @ApiPropertyOptional({ example: 'cohort=2025;dose=3;vaccine=HepB' }) dims?: string;
  @ApiProperty({ type: [ProvenanceItemDto] }) items: ProvenanceItemDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as cursor for the next page; null on the last' }) nextCursor: string | null;
}
