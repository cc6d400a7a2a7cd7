import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

/** `POST /v1/alerts/{id}/acknowledge` (CONTRACT.md): a bureau says "we know", with a comment. */
export class BureauAcknowledgeDto {
  @ApiProperty({ example: '已通知县医院，下周复核' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  comment: string;

  @ApiPropertyOptional({ example: '张三', description: 'Who acknowledges; recorded with the token’s region' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  by?: string;
}

/** `POST /v1/silences` (CONTRACT.md): region, indicator, until, reason. */
export class BureauSilenceDto {
  @ApiPropertyOptional({ example: '610921', description: 'Region (with its subtree) or institution in the token’s scope; default: the token’s region' })
  @IsOptional()
  @Matches(/^[0-9A-Za-z-]{1,64}$/)
  region?: string;

  @ApiPropertyOptional({ example: 'county_visit_rate', description: 'Indicator code (feed_stale for silent-feed alerts); omit for every indicator' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  indicator?: string;

  @ApiPropertyOptional({ example: '2026-05-01T08:00:00+08:00', description: 'Default: now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  startsAt?: string;

  @ApiProperty({ example: '2026-05-08T08:00:00+08:00', description: 'The silence ends then (stored as endsAt)' })
  @IsISO8601({ strict: true })
  until: string;

  @ApiProperty({ example: '医保结算数据补录中', description: 'Why (stored as comment)' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason: string;

  @ApiPropertyOptional({ example: '李四', description: 'Who silences; recorded with the token’s region' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  by?: string;
}

/** Who acted, as recorded: the person named (if any) and always the token's region. */
export function actorOf(by: string | undefined, scope: string): string {
  return by ? `${by}（${scope}）` : `bureau ${scope}`;
}
