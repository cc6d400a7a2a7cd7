import { ApiProperty } from '@nestjs/swagger';
import { STATUSES } from '../target.types';

/**
 * OpenAPI shapes of alerts and silences as the query API (bureaus) and the alerting API (operators)
 * answer them: the stored records (alert.types.ts, silences.repository.ts) serialised as JSON.
 */

const TRANSITIONS = ['pending', 'firing', 'repeat', 'escalated', 'acknowledged', 'resolved', 'cleared'];

export class AlertDto {
  @ApiProperty({ example: '42' }) id: string;
  @ApiProperty({ enum: ['indicator', 'feed_stale', 'outbreak'] }) kind: string;
  @ApiProperty({ example: 'vaccination_coverage', description: '`feed_stale` for a quiet institution feed' }) indicator: string;
  @ApiProperty({ example: 'cohort=2025;dose=3;vaccine=HepB', description: 'Canonical dimensions; empty when the indicator has none' }) dims: string;
  @ApiProperty({ example: { cohort: '2025', dose: '3', vaccine: 'HepB' }, type: 'object', additionalProperties: { type: 'string' } }) dimensions: Record<
    string,
    string
  >;
  @ApiProperty({ example: 'HepB 第3剂 2025年出生队列' }) dimsLabel: string;
  @ApiProperty({ example: 'county' }) level: string;
  @ApiProperty({ example: '610921', description: 'The region (or, for a feed, the institution) the alert is about' }) region: string;
  @ApiProperty({ example: '2026', description: 'Period id; empty for feed alerts' }) period: string;
  @ApiProperty({ example: '610921', description: 'The bureau that owns the alert' }) bureau: string;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true, description: 'The target judged against (null for feed alerts)' }) target:
    object | null;
  @ApiProperty({ enum: ['pending', 'firing', 'resolved'] }) state: string;
  @ApiProperty({ enum: STATUSES }) status: string;
  @ApiProperty({ type: Number, nullable: true, example: 0.9 }) expected: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 0.83 }) actual: number | null;
  @ApiProperty({ type: Number, nullable: true, example: -0.07 }) gap: number | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'staleFeeds, lastReceivedAt, reason, interval; signal for outbreak alerts' })
  detail: object;
  @ApiProperty({ type: String, nullable: true, example: 'recovered', description: 'recovered · insufficient_data · period_ended · target_removed' })
  resolveReason: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) startedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) firedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resolvedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastNotifiedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) evaluatedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) recoveringSince: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) acknowledgedAt: string | null;
  @ApiProperty({ type: String, nullable: true, example: '610921 张三' }) acknowledgedBy: string | null;
  @ApiProperty({ type: String, nullable: true, example: '已通知县医院，下周复核' }) ackComment: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) escalatedAt: string | null;
  @ApiProperty({ type: String, nullable: true, example: '610900' }) escalatedTo: string | null;
}

export class AlertListDto {
  @ApiProperty({ type: [AlertDto] }) alerts: AlertDto[];
}

export class AlertEventDto {
  @ApiProperty({ example: '314' }) id: string;
  @ApiProperty({ example: '42' }) alertId: string;
  @ApiProperty({ enum: TRANSITIONS }) transition: string;
  @ApiProperty({ type: String, format: 'date-time' }) at: string;
  @ApiProperty({ enum: STATUSES }) status: string;
  @ApiProperty({ type: Number, nullable: true }) actual: number | null;
  @ApiProperty({ type: Number, nullable: true }) expected: number | null;
  @ApiProperty({ description: 'A silence matched: recorded and on the topic, not sent to webhooks' }) silenced: boolean;
  @ApiProperty({ type: 'object', additionalProperties: true }) detail: object;
}

export class AlertWithHistoryDto extends AlertDto {
  @ApiProperty({ type: [AlertEventDto], description: 'Its transitions, oldest first' }) history: AlertEventDto[];
}

export class SilenceDto {
  @ApiProperty({ example: '7' }) id: string;
  @ApiProperty({ type: String, nullable: true, example: 'county_visit_rate', description: 'null: every indicator' }) indicator: string | null;
  @ApiProperty({ type: String, nullable: true, example: '610921', description: 'Region (with its subtree) or institution; null: everywhere' }) region:
    string | null;
  @ApiProperty({ type: String, format: 'date-time' }) startsAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) endsAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Ended early (DELETE)' }) expiredAt: string | null;
  @ApiProperty({ example: '610921 李四' }) createdBy: string;
  @ApiProperty({ example: '医保结算数据补录中' }) comment: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

export class SilenceListDto {
  @ApiProperty({ type: [SilenceDto] }) silences: SilenceDto[];
}
