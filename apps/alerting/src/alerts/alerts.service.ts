import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Pool } from 'pg';
import { inTransaction, PG_POOL } from '@lib/database';
import { Clock } from '../clock/clock';
import { alertMessage } from '../notifications/alert-message';
import { NamesService } from '../notifications/names.service';
import { OutboxDispatcher } from '../notifications/outbox.dispatcher';
import { OutboxRepository } from '../notifications/outbox.repository';
import { AlertFilter, AlertsRepository } from '@lib/targets-store';

/**
 * Reading alerts and acknowledging them. An acknowledgement is a transition like the others — in the
 * history and on the topic — and stops repeats and escalation; the alert still resolves (and says so)
 * when the region recovers.
 */
@Injectable()
export class AlertsService {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly alerts: AlertsRepository,
    private readonly outbox: OutboxRepository,
    private readonly names: NamesService,
    private readonly dispatcher: OutboxDispatcher,
    private readonly clock: Clock,
  ) {}

  list(filter: AlertFilter) {
    return this.alerts.list(filter);
  }

  async get(id: string) {
    const alert = await this.alerts.find(id);
    if (!alert) throw new NotFoundException({ code: 'alert_not_found', message: `No alert ${id}` });
    return { ...alert, history: await this.alerts.history(id) };
  }

  async acknowledge(id: string, by: string, comment: string) {
    const now = this.clock.now();
    const alert = await inTransaction(this.pool, async (client) => {
      const acked = await this.alerts.acknowledge(client, id, by, comment, now);
      if (!acked) return undefined;
      const eventId = await this.alerts.recordEvent(client, {
        alertId: acked.id, transition: 'acknowledged', at: now, status: acked.status, actual: acked.actual, expected: acked.expected, silenced: false, detail: { by, comment },
      });
      const message = alertMessage(acked, 'acknowledged', eventId, now, false, this.names);
      await this.outbox.add(client, [{ channel: 'topic', webhookId: null, messageKey: acked.bureau, idempotencyKey: message.idempotencyKey, payload: message }]);
      return acked;
    });
    if (!alert) throw new NotFoundException({ code: 'alert_not_open', message: `No open alert ${id}` });
    this.dispatcher.kick();
    return alert;
  }
}
