import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUrl, Matches, MaxLength, MinLength } from 'class-validator';

export class CreateWebhookDto {
  @ApiProperty({ example: '610921', description: "The bureau's region: it receives that region's alerts (and escalations from below)" })
  @Matches(/^\d{6}$/)
  region: string;

  @ApiProperty({ example: 'https://oapi.dingtalk.com/robot/send?access_token=…' })
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2000)
  url: string;

  @ApiProperty({ enum: ['json', 'wecom', 'dingtalk'] })
  @IsIn(['json', 'wecom', 'dingtalk'])
  format: 'json' | 'wecom' | 'dingtalk';

  @ApiPropertyOptional({ description: 'json: HMAC key of X-Health-Signature; dingtalk: the robot secret (SEC…) for 加签. Never shown again.' })
  @IsOptional()
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  secret?: string;

  @ApiPropertyOptional({ example: '汉阴县卫健局值班群' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  label?: string;
}
