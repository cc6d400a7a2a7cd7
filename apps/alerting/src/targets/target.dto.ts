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

  @ApiPropertyOptional({ example: 100, description: 'Below this denominator (or expected count) the status is none' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  minDenominator?: number;

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
