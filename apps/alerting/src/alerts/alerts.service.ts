import { Injectable } from '@nestjs/common';
import { ApiError } from '@lib/platform';
import { AlertActions, AlertFilter, AlertsRepository } from '@lib/targets-store';
import { Clock } from '../clock/clock';
import { OutboxDispatcher } from '../notifications/outbox.dispatcher';

/** The operator's reading and acknowledging of alerts (bureaus do the same on the query API). */
@Injectable()
export class AlertsService {
  constructor(
    private readonly alerts: AlertsRepository,
    private readonly actions: AlertActions,
    private readonly dispatcher: OutboxDispatcher,
    private readonly clock: Clock,
  ) {}

  list(filter: AlertFilter) {
    return this.alerts.list(filter);
  }

  async get(id: string) {
    const alert = await this.alerts.find(id);
    if (!alert) throw new ApiError('alert_not_found', `No alert ${id}`);
    return { ...alert, history: await this.alerts.history(id) };
  }

  async acknowledge(id: string, by: string, comment: string) {
    const alert = await this.actions.acknowledge(id, by, comment, this.clock.now());
    this.dispatcher.kick();
    return alert;
  }
}
