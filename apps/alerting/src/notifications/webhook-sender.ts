import { Injectable } from '@nestjs/common';
import type { WebhookBody } from './formats/webhook-request';
import { AlertingSettings } from '../settings/alerting-settings';
import { dingTalkSignedUrl, IDEMPOTENCY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, webhookSignature } from './signing';
import type { Webhook } from './webhooks.repository';

/**
 * One HTTP delivery. Signed at send time (a retry gets a fresh timestamp, so receivers may refuse old
 * ones); the body and idempotency key are the stored ones, so a receiver recognises a retry.
 * Robots answer 200 with `errcode` ≠ 0 when they refuse a message: that counts as a failure too.
 */
@Injectable()
export class WebhookSender {
  constructor(private readonly settings: AlertingSettings) {}

  async send(webhook: Webhook, rendered: WebhookBody, idempotencyKey: string, now = Date.now()): Promise<void> {
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', [IDEMPOTENCY_HEADER]: idempotencyKey };
    let url = webhook.url;
    if (webhook.format === 'dingtalk' && webhook.secret) url = dingTalkSignedUrl(url, webhook.secret, now);
    if (webhook.format === 'json' && webhook.secret) {
      const seconds = Math.floor(now / 1000);
      headers[TIMESTAMP_HEADER] = String(seconds);
      headers[SIGNATURE_HEADER] = webhookSignature(webhook.secret, seconds, rendered.body);
    }
    const response = await fetch(url, { method: 'POST', headers, body: rendered.body, signal: AbortSignal.timeout(this.settings.delivery.timeoutMs) });
    const text = await response.text().catch(() => '');
    if (!response.ok) throw new Error(`HTTP ${response.status} ${text.slice(0, 200)}`);
    if (webhook.format !== 'json') {
      const errcode = safeJson(text)?.errcode;
      if (errcode !== undefined && errcode !== 0) throw new Error(`robot refused: ${text.slice(0, 200)}`);
    }
  }
}

function safeJson(text: string): { errcode?: number } | undefined {
  try {
    return JSON.parse(text) as { errcode?: number };
  } catch {
    return undefined;
  }
}
