import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { REGION_LEVELS, type Region, type RegionLevel, type SupersededRegion } from '@lib/registry';

const SIX_DIGITS = /^\d{6}$/;

/** A region to register; level and parent follow from the code when omitted. */
export class RegionRegistrationDto {
  @ApiProperty({ description: 'GB/T 2260 code', example: '610921' })
  @Matches(SIX_DIGITS, { message: 'code must be a 6-digit GB/T 2260 code' })
  code: string;

  @ApiProperty({ example: '汉阴县' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({ enum: REGION_LEVELS, description: 'Must match the code (PP0000 province, PPCC00 city, else county)', example: 'county' })
  @IsOptional()
  @IsIn(REGION_LEVELS)
  level?: RegionLevel;

  @ApiPropertyOptional({ description: 'Defaults to the structural parent (PPCC00, or PP0000 for PP90DD)', example: '610900' })
  @IsOptional()
  @Matches(SIX_DIGITS, { message: 'parentCode must be a 6-digit GB/T 2260 code' })
  parentCode?: string;
}

export class RegionDto implements Region {
  @ApiProperty({ example: '610921' })
  code: string;

  @ApiProperty({ example: '汉阴县' })
  name: string;

  @ApiProperty({ enum: REGION_LEVELS, example: 'county' })
  level: RegionLevel;

  @ApiProperty({ type: String, nullable: true, example: '610900' })
  parentCode: string | null;
}

export class RegisteredRegionsDto {
  @ApiProperty({ example: 1 })
  registered: number;

  @ApiProperty({ type: [RegionDto] })
  regions: RegionDto[];
}

/** An old code still sent by older systems, and the current code it means. */
export class SupersededRegionDto implements SupersededRegion {
  @ApiProperty({ example: '610928' })
  @Matches(SIX_DIGITS, { message: 'oldCode must be a 6-digit GB/T 2260 code' })
  oldCode: string;

  @ApiProperty({ description: 'A registered region', example: '610981' })
  @Matches(SIX_DIGITS, { message: 'currentCode must be a 6-digit GB/T 2260 code' })
  currentCode: string;

  @ApiPropertyOptional({ example: '旬阳县' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  oldName?: string;

  @ApiPropertyOptional({ description: 'Year the change took effect (informational)', example: 2021 })
  @IsOptional()
  @IsInt()
  @Min(1980)
  @Max(2200)
  since?: number;
}

export class RegisteredSupersededDto {
  @ApiProperty({ example: 1 })
  registered: number;

  @ApiProperty({ type: [SupersededRegionDto] })
  superseded: SupersededRegionDto[];
}
