import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ALERT_LIST_STATES, AlertListState } from '@lib/targets-store';

export class AcknowledgeDto {
  @ApiPropertyOptional({ example: '汉阴县卫健局 张三' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  by?: string;

  @ApiPropertyOptional({ example: '已通知县医院，下周复核' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  comment?: string;
}

export class AlertsQueryDto {
  @ApiPropertyOptional({
    enum: ALERT_LIST_STATES,
    description: 'open: pending or firing; resolved: ended after firing; cleared: ended pending, before anyone was told (left out without a state)',
  })
  @IsOptional()
  @IsIn(ALERT_LIST_STATES)
  state?: AlertListState;

  @ApiPropertyOptional({ example: '610921', description: 'Alerts owned by (or escalated to) this bureau region' })
  @IsOptional()
  @Matches(/^\d{6}$/)
  region?: string;

  @ApiPropertyOptional({ example: 'county_visit_rate' })
  @IsOptional()
  @IsString()
  indicator?: string;
}
