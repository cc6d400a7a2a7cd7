import { ApiProperty } from '@nestjs/swagger';
import { TargetDto } from './targets/target.dto';

/** OpenAPI shapes of the alerting admin API's answers (the records its repositories return, as JSON). */

export class StoredCountDto {
  @ApiProperty({ example: 24, description: 'Rows stored (inserted or replaced)' }) stored: number;
}

export class StoredTargetDto extends TargetDto {
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
}

export class WebhookViewDto {
  @ApiProperty({ example: '3' }) id: string;
  @ApiProperty({ example: '610921', description: 'Alerts of this bureau region (and its subtree) are sent' }) region: string;
  @ApiProperty({ example: 'https://hooks.example.cn/alerts' }) url: string;
  @ApiProperty({ enum: ['json', 'wecom', 'dingtalk'] }) format: string;
  @ApiProperty({ example: '汉阴县卫健局值班群' }) label: string;
  @ApiProperty() active: boolean;
  @ApiProperty({ description: 'Requests carry an HMAC signature (a secret is set); the secret itself is never returned' }) signed: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

export class NotificationDeadLetterDto {
  @ApiProperty({ example: '118' }) id: string;
  @ApiProperty({ enum: ['topic', 'webhook'] }) channel: string;
  @ApiProperty({ type: String, nullable: true, example: '3' }) webhookId: string | null;
  @ApiProperty({ example: '610921', description: 'Kafka key (topic) or recipient region (webhook)' }) messageKey: string;
  @ApiProperty({ example: '42:firing:314' }) idempotencyKey: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The notification as it would have been sent' }) payload: object;
  @ApiProperty({ example: 8 }) attempts: number;
  @ApiProperty({ enum: ['pending', 'delivered', 'dead'] }) state: string;
  @ApiProperty({ type: String, nullable: true, example: 'HTTP 502' }) lastError: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deliveredAt: string | null;
}

export class RequeuedDto {
  @ApiProperty({ enum: [true] }) requeued: true;
}

export class EvaluationRunDto {
  @ApiProperty({ type: String, format: 'date-time', description: 'The instant judged' }) at: string;
  @ApiProperty({ example: 3, description: 'Alert transitions the sweep wrote' }) transitions: number;
}
