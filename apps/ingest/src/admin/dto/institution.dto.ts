import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { INSTITUTION_TYPES } from '@lib/contracts';
import { CARE_LEVELS, type CareLevel, type Institution, type InstitutionType } from '@lib/registry';

/** An institution to register (or re-register: the same id updates it). */
export class InstitutionRegistrationDto {
  @ApiProperty({ description: '1–64 of A-Z a-z 0-9 . _ -; by convention <county>-<TYPE>-<seq>', example: '610921-THC-001' })
  @IsString()
  @MaxLength(64)
  id: string;

  @ApiProperty({ example: '汉阴县城关镇中心卫生院' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ description: 'County code (a superseded code is mapped to the current one)', example: '610921' })
  @Matches(/^\d{6}$/, { message: 'county must be a 6-digit GB/T 2260 code' })
  county: string;

  @ApiProperty({ enum: INSTITUTION_TYPES, example: 'township_health_center' })
  @IsIn(INSTITUTION_TYPES)
  type: InstitutionType;

  @ApiPropertyOptional({ enum: CARE_LEVELS, description: 'Level of care; defaults from the type', example: 2 })
  @IsOptional()
  @IsIn(CARE_LEVELS)
  level?: CareLevel;

  @ApiPropertyOptional({ description: 'Defaults to true: a registration describes a working institution', example: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class InstitutionDto implements Institution {
  @ApiProperty({ example: '610921-THC-001' })
  id: string;

  @ApiProperty({ example: '汉阴县城关镇中心卫生院' })
  name: string;

  @ApiProperty({ example: '610921' })
  county: string;

  @ApiProperty({ enum: INSTITUTION_TYPES, example: 'township_health_center' })
  type: InstitutionType;

  @ApiProperty({ enum: CARE_LEVELS, example: 2 })
  level: CareLevel;

  @ApiProperty({ example: true })
  active: boolean;
}

export class RegisteredInstitutionsDto {
  @ApiProperty({ example: 1 })
  registered: number;

  @ApiProperty({ type: [InstitutionDto] })
  institutions: InstitutionDto[];
}

export class InstitutionQueryDto {
  @ApiPropertyOptional({ description: 'County code (superseded codes are mapped)', example: '610921' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'county must be a 6-digit GB/T 2260 code' })
  county?: string;

  @ApiPropertyOptional({ enum: INSTITUTION_TYPES, example: 'village_clinic' })
  @IsOptional()
  @IsIn(INSTITUTION_TYPES)
  type?: InstitutionType;
}

/** What may change on a registered institution; deactivation keeps its history and rejects its new events. */
export class InstitutionChangeDto {
  @ApiPropertyOptional({ example: '汉阴县城关镇中心卫生院（新址）' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ example: false })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
