import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';

export class PopulationUploadDto {
  @ApiProperty({ example: '610921' })
  @Matches(/^\d{6}$/)
  region: string;

  @ApiProperty({ example: 2024 })
  @IsInt()
  @Min(1900)
  @Max(2200)
  year: number;

  @ApiProperty({ example: 'residents', description: 'residents, women_35_64, age_65_plus, live_births, priority_residents, birth_cohort:<year>' })
  @IsString()
  group: string;

  /** China has 1.4 billion people; a larger figure is a unit or typing error (and 1e308 overflows the column). */
  @ApiProperty({ example: 250000, maximum: 2_000_000_000 })
  @IsInt()
  @Min(0)
  @Max(2_000_000_000)
  count: number;
}
