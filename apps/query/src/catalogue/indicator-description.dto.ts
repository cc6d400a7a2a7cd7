import { ApiProperty } from '@nestjs/swagger';
import { REGION_LEVELS } from '@lib/indicators';
import { GRANULARITIES } from '@lib/periods';

/** OpenAPI shape of one catalogue entry (CatalogueController's `describe`). */
export class IndicatorDescriptionDto {
  @ApiProperty({ example: 'vaccination_coverage' })
  code: string;

  @ApiProperty({ example: '免疫规划疫苗接种率' })
  name: string;

  @ApiProperty({ example: 'Vaccination coverage (national programme)' })
  nameEn: string;

  @ApiProperty({ enum: ['percent', 'count', 'ratio', 'yuan'], description: 'percent: values are fractions (0.95 = 95%)' })
  unit: string;

  @ApiProperty({ type: Boolean, nullable: true, description: 'null when neither direction is better' })
  higherIsBetter: boolean | null;

  @ApiProperty({ example: 'Distinct children of the cohort resident in the county who received the dose, over the uploaded birth cohort' })
  definition: string;

  @ApiProperty({ enum: ['residence_county', 'institution_county', 'institution', 'referral_from_institution'] })
  attribution: string;

  @ApiProperty({ enum: REGION_LEVELS, isArray: true })
  levels: string[];

  @ApiProperty({ enum: GRANULARITIES, isArray: true })
  periods: string[];

  @ApiProperty({ type: [String], example: ['cohort', 'dose', 'vaccine'], description: 'Query parameters its values and series need' })
  dimensions: string[];

  @ApiProperty({ example: 30, description: 'Fewest cases to judge a value against a target unless the target sets its own (status insufficient_data below)' })
  minDenominator: number;
}

export class CatalogueDto {
  @ApiProperty({ type: [IndicatorDescriptionDto] })
  indicators: IndicatorDescriptionDto[];
}
