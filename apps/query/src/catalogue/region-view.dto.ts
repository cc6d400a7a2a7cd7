import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** OpenAPI shape of GET /v1/regions/{code}: a region with what is under it, or an institution. */
export class RegionChildDto {
  @ApiProperty({ example: '610921' }) code: string;
  @ApiProperty({ example: '汉阴县' }) name: string;
  @ApiProperty({ enum: ['province', 'city', 'county'] }) level: string;
}

export class RegionInstitutionDto {
  @ApiProperty({ example: '610921-THC-001' }) id: string;
  @ApiProperty({ example: '城关镇中心卫生院' }) name: string;
  @ApiProperty({ example: 'township_health_center' }) type: string;
  @ApiProperty({ example: 2, description: 'Care level 1 (village) … 5 (province)' }) level: number;
  @ApiProperty() active: boolean;
}

export class RegionViewDto {
  @ApiPropertyOptional({ example: '610921', description: 'A region: its code' }) code?: string;
  @ApiPropertyOptional({ example: '汉阴县' }) name?: string;
  @ApiPropertyOptional({ enum: ['province', 'city', 'county'] }) level?: string;
  @ApiPropertyOptional({ example: '610900', nullable: true, type: String }) parentCode?: string | null;
  @ApiPropertyOptional({ type: [RegionChildDto] }) children?: RegionChildDto[];
  @ApiPropertyOptional({ type: [RegionInstitutionDto], description: 'A county’s institutions' }) institutions?: RegionInstitutionDto[];
  @ApiPropertyOptional({ example: '610921-THC-001', description: 'An institution id was asked for: the id' }) region?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'An institution id was asked for: the institution' }) institution?: object;
}
