import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import { Counter, Histogram } from 'prom-client';
import { KafkaProducer, KafkaTopics } from '@lib/kafka';
import { METRIC_WEBHOOK_DELIVERIES, METRIC_WEBHOOK_SECONDS } from '../alerting.metrics';
import { AlertingSettings } from '../settings/alerting-settings';
import { afterFailure, backoffMs } from './backoff';
import type { WebhookBody } from './formats/webhook-request';
import { OutboxRepository, OutboxRow } from '@lib/targets-store';
import { WebhookSender } from './webhook-sender';
import { Webhook, WebhooksRepository } from './webhooks.repository';

/** A claimed row is someone else's for this long; longer than any delivery (WEBHOOK_TIMEOUT_MS ≤ 60 s). */
const LEASE_MS = 120_000;

/**
 * Drains the outbox: topic rows to `health.alerts.v1` (one producer call per batch, in order), webhook
 * rows over HTTP in parallel. Kicked right after each evaluation commits (the 2-second path) and polled
 * for due retries. At-least-once: a crash after sending and before marking delivered sends again, with
 * the same idempotency key.
 */
@Injectable()
export class OutboxDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxDispatcher.name);
  private readonly topic: string;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly webhooks: WebhooksRepository,
    private readonly sender: WebhookSender,
    private readonly producer: KafkaProducer,
    private readonly settings: AlertingSettings,
    topics: KafkaTopics,
    @InjectMetric(METRIC_WEBHOOK_DELIVERIES) private readonly deliveries: Counter,
    @InjectMetric(METRIC_WEBHOOK_SECONDS) private readonly deliverySeconds: Histogram,
  ) {
    this.topic = topics.name('alerts');
  }

  onApplicationBootstrap() {
    this.timer = setInterval(() => this.kick(), this.settings.delivery.pollIntervalMs);
    this.timer.unref();
    this.kick();
  }

  async onApplicationShutdown() {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  /** Runs a drain now, or once more right after the one in progress (never two at once in a process). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error: unknown) => this.logger.warn({ err: error }, 'outbox drain failed'))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  private async drain(): Promise<void> {
    await Promise.all([this.drainTopic(), this.drainWebhooks()]);
  }

  private async drainTopic(): Promise<void> {
    for (;;) {
      const rows = await this.outbox.claimDue('topic', this.settings.delivery.batchSize, LEASE_MS);
      if (rows.length === 0) return;
      try {
        await this.producer.send(
          this.topic,
          rows.map((row) => ({ key: row.messageKey, value: row.payload, headers: { 'idempotency-key': row.idempotencyKey } })),
        );
        await this.outbox.delivered(rows.map((row) => row.id));
      } catch (error) {
        // The broker is away: every row waits its backoff; the topic is never dead-lettered, only delayed.
        for (const row of rows)
          await this.outbox.retryLater(
            row.id,
            backoffMs(row.attempts + 1, this.settings.delivery.backoffBaseMs, this.settings.delivery.backoffMaxMs),
            String(error),
          );
        return;
      }
      if (rows.length < this.settings.delivery.batchSize) return;
    }
  }

  private async drainWebhooks(): Promise<void> {
    const rows = await this.outbox.claimDue('webhook', this.settings.delivery.batchSize, LEASE_MS);
    if (rows.length === 0) return;
    const webhooks = new Map((await this.webhooks.byIds(rows.map((r) => r.webhookId!))).map((w) => [w.id, w]));
    await Promise.all(rows.map((row) => this.deliver(row, webhooks)));
  }

  private async deliver(row: OutboxRow, webhooks: Map<string, Webhook>): Promise<void> {
    const webhook = webhooks.get(row.webhookId!);
    if (!webhook || !webhook.active) {
      this.deliveries.inc({ outcome: 'dead_lettered' });
      return this.outbox.deadLetter(row.id, 'webhook removed');
    }
    const attempt = this.deliverySeconds.startTimer();
    try {
      await this.sender.send(webhook, row.payload as WebhookBody, row.idempotencyKey);
      attempt({ outcome: 'delivered' });
      this.deliveries.inc({ outcome: 'delivered' });
      await this.outbox.delivered([row.id]);
    } catch (error) {
      attempt({ outcome: 'failed' });
      const { maxAttempts, backoffBaseMs, backoffMaxMs } = this.settings.delivery;
      const next = afterFailure(row.attempts + 1, maxAttempts, backoffBaseMs, backoffMaxMs);
      const message = error instanceof Error ? error.message : String(error);
      if (next.deadLetter) {
        this.logger.warn({ webhook: webhook.id, region: webhook.region, attempts: row.attempts + 1 }, 'webhook notification dead-lettered');
        this.deliveries.inc({ outcome: 'dead_lettered' });
        await this.outbox.deadLetter(row.id, message);
      } else {
        this.deliveries.inc({ outcome: 'failed' });
        await this.outbox.retryLater(row.id, next.retryInMs, message);
      }
    }
  }
}
