import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AlertMessage, AlertsRepository, Db, dimensionsOf, NamesService, NewOutboxRow, OutboxRepository } from '@lib/targets-store';
import { renderWebhook } from './formats/render';
import { groupNotifications } from './grouping';
import { FiringSummary } from './message-text';
import { WebhooksRepository } from './webhooks.repository';

/**
 * Turns one evaluation's transitions into outbox rows, in the same transaction: one topic message per
 * transition, and one webhook notification per (recipient bureau, area) and registered webhook — grouped,
 * rendered in the webhook's format, with an idempotency key that stays the same across retries.
 */
@Injectable()
export class NotificationsWriter {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly webhooks: WebhooksRepository,
    private readonly alerts: AlertsRepository,
    private readonly names: NamesService,
  ) {}

  async write(db: Db, messages: readonly AlertMessage[], now: Date): Promise<void> {
    if (messages.length === 0) return;
    const rows: NewOutboxRow[] = messages.map((message) => ({
      channel: 'topic',
      webhookId: null,
      messageKey: message.bureau,
      idempotencyKey: message.idempotencyKey,
      payload: message,
    }));

    const groups = groupNotifications(messages);
    const webhooks = await this.webhooks.activeFor(db, [...new Set(groups.map((g) => g.recipient))]);
    const firing = await this.alerts.firingOf(db, [...new Set(groups.map((g) => g.bureau))]);
    for (const group of groups) {
      const stillFiring: FiringSummary[] = firing
        .filter((a) => a.bureau === group.bureau)
        .map((a) => ({
          indicatorName: this.names.indicator(a.indicator).name,
          dimsLabel: dimensionsOf(a.dims).dimsLabel,
          regionName: this.names.region(a.region),
          period: a.period,
        }));
      for (const webhook of webhooks.filter((w) => w.region === group.recipient)) {
        const idempotencyKey = `ntf-${randomUUID()}`;
        rows.push({
          channel: 'webhook',
          webhookId: webhook.id,
          messageKey: group.recipient,
          idempotencyKey,
          payload: renderWebhook(webhook.format, group, stillFiring, idempotencyKey, now),
        });
      }
    }
    await this.outbox.add(db, rows);
  }
}
