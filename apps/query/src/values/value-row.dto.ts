import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REGION_LEVELS } from '@lib/indicators';
import { STATUSES, type Status } from '@lib/targets';
import type { RankedRow, ValueRow } from './indicator-values.service';

/** OpenAPI shape of a values row (shared/CONTRACT.md); the rows themselves are built by IndicatorValues. */
export class ValueRowDto implements ValueRow {
  @ApiProperty({ example: '610921' })
  region: string;

  @ApiProperty({ example: '汉阴县' })
  name: string;

  @ApiProperty({ enum: REGION_LEVELS })
  level: ValueRow['level'];

  @ApiProperty({ type: Number, nullable: true, example: 8123 })
  numerator: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 9140 })
  denominator: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 0.8887, description: 'numerator/denominator (a fraction), the count, or cost growth (ratio − 1)' })
  value: number | null;

  @ApiPropertyOptional({
    description: 'Cost growth only: visits (admissions) with a cost behind this period’s mean and the baseline’s',
    example: { current: 812, baseline: 790 },
  })
  cases?: { current: number; baseline: number };

  @ApiProperty({ type: Number, nullable: true, example: 0.9, description: 'What the target asks for at this time; null without a target' })
  target: number | null;

  @ApiProperty({
    enum: STATUSES,
    description:
      '三色预警: green on track, yellow within the tolerance (or behind but not beyond doubt), red behind; insufficient_data: fewer cases than the minimum to judge; none: no target or no value',
  })
  status: Status;

  @ApiProperty({ type: String, nullable: true, example: '2026-05-06T10:00:00.000+08:00' })
  asOf: string | null;
}

export class ValuesResponseDto {
  @ApiProperty({ example: 'county_visit_rate' })
  indicator: string;

  @ApiProperty({ example: '2026' })
  period: string;

  @ApiPropertyOptional({ example: 'cohort=2025;dose=3;vaccine=HepB' })
  dims?: string;

  @ApiProperty({ type: [ValueRowDto] })
  values: ValueRowDto[];
}

export class RankedRowDto extends ValueRowDto implements RankedRow {
  @ApiProperty({ type: Number, nullable: true, description: 'Best first; null without a value or below the minimum of cases' })
  rank: number | null;

  @ApiProperty({
    description:
      'The value rests on fewer cases than the minimum to judge (the indicator’s minDenominator, or the target’s): listed after the ranked regions, unranked',
  })
  belowMinimum: boolean;

  @ApiProperty({ type: Number, nullable: true, description: 'value − target' })
  distanceToTarget: number | null;
}

export class RankingResponseDto {
  @ApiProperty({ example: 'county_visit_rate' })
  indicator: string;

  @ApiProperty({ example: '2026' })
  period: string;

  @ApiPropertyOptional()
  dims?: string;

  @ApiProperty({ type: [RankedRowDto] })
  ranking: RankedRowDto[];
}

export class SeriesRowDto {
  @ApiProperty({ example: '202403' })
  period: string;

  @ApiProperty({ type: Number, nullable: true, example: 812 })
  numerator: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 901 })
  denominator: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 0.9012 })
  value: number | null;

  @ApiProperty({ type: String, nullable: true, example: '2026-05-06T10:00:00.000+08:00' })
  asOf: string | null;
}

export class SeriesResponseDto {
  @ApiProperty({ example: 'county_visit_rate' })
  indicator: string;

  @ApiPropertyOptional({ example: 'cohort=2025;dose=3;vaccine=HepB' })
  dims?: string;

  @ApiProperty({ example: '610921' })
  region: string;

  @ApiProperty({ example: '汉阴县' })
  name: string;

  @ApiProperty({ type: [SeriesRowDto] })
  series: SeriesRowDto[];
}
