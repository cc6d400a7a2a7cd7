import { Body, Delete, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiError } from '@lib/platform';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { WebhookViewDto } from '../operator-responses.dto';
import { AdminController } from '../auth/admin-controller.decorator';
import { CreateWebhookDto } from './webhook.dto';
import { Webhook, WebhooksRepository } from './webhooks.repository';

/** What the API shows of a webhook: never the secret (it signs our messages). */
function view({ secret, ...webhook }: Webhook) {
  return { ...webhook, signed: secret !== null };
}

@AdminController('v1/webhooks', 'webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksRepository) {}

  @Post()
  @ApiOperation({ summary: "Register a bureau's webhook (json, 企业微信 wecom or 钉钉 dingtalk robot)" })
  @ApiCreatedResponse({ type: WebhookViewDto })
  async create(@Body() body: CreateWebhookDto) {
    return view(await this.webhooks.create({ region: body.region, url: body.url, format: body.format, secret: body.secret ?? null, label: body.label ?? '' }));
  }

  @Get()
  @ApiOperation({ summary: 'Registered webhooks (secrets not shown)' })
  @ApiOkResponse({ type: [WebhookViewDto] })
  async list() {
    return (await this.webhooks.all()).map(view);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Deactivate a webhook (its pending deliveries are dead-lettered)' })
  async remove(@Param('id') id: string): Promise<void> {
    if (!(await this.webhooks.deactivate(id))) throw new ApiError('webhook_not_found', `No active webhook ${id}`);
  }
}
