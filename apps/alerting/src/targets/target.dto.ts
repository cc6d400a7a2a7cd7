import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNumber, IsObject, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { TargetRule } from '@lib/targets';

export class TargetDto {
  @ApiProperty({ example: 'county_visit_rate' })
  @IsString()
  indicator: string;

  @ApiProperty({ example: 'default:county', description: 'A region code or institution id, or default:<level>' })
  @IsString()
  @MaxLength(64)
  scope: string;

  @ApiProperty({ example: 2026 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiPropertyOptional({ example: '', description: 'Canonical dims (cohort=2025;dose=3;vaccine=HepB); empty for undisaggregated indicators' })
  @IsOptional()
  @IsString()
  dims?: string;

  @ApiProperty({ example: { kind: 'threshold', comparator: '>=', value: 0.9 }, description: 'threshold | change (pp|percent) | yearly_count' })
  @IsObject()
  rule: TargetRule;

  @ApiProperty({ example: 0.02, description: 'Width of the yellow band (fraction points for rates, share of the expected count for counts)' })
  @IsNumber()
  @Min(0)
  tolerance: number;

  @ApiPropertyOptional({
    type: Number,
    example: 300,
    nullable: true,
    description:
      'Fewest cases to judge: a rate’s denominator, the baseline’s cases for change rules and cost growth, a yearly count’s pro-rata expectation. ' +
      'Below it the status is insufficient_data. Omitted or null: the indicator’s default (minDenominator in GET /v1/indicators of the query API).',
  })
  @IsOptional()
  @IsNumber()
  @Min(0)
  minDenominator?: number | null;

  @ApiPropertyOptional({ example: '县域就诊率 90%' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  source?: string;
}

export class DemoTargetsRequestDto {
  @ApiProperty({ example: 2026 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
}
