import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class CreateSilenceDto {
  @ApiPropertyOptional({ example: 'county_visit_rate', description: 'Matches this indicator (feed_stale for silent-feed alerts); omit for any' })
  @IsOptional()
  @IsString()
  indicator?: string;

  @ApiPropertyOptional({ example: '610921', description: "Matches this region and its whole subtree (a county's institutions too); omit for any" })
  @IsOptional()
  @Matches(/^[0-9A-Za-z-]{1,64}$/)
  region?: string;

  @ApiPropertyOptional({ example: '2026-05-01T08:00:00+08:00', description: 'Default: now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  startsAt?: string;

  @ApiProperty({ example: '2026-05-08T08:00:00+08:00' })
  @IsISO8601({ strict: true })
  endsAt: string;

  @ApiProperty({ example: '市卫健委 李四' })
  @IsString()
  @MaxLength(100)
  createdBy: string;

  @ApiPropertyOptional({ example: '医保结算数据补录中' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  comment?: string;
}
