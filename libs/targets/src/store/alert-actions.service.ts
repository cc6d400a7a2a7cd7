import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { inTransaction, PG_POOL } from '@lib/database';
import { ApiError } from '@lib/platform';
import { alertMessage } from './alert-message';
import type { AlertRecord } from './alert.types';
import { AlertsRepository } from './alerts.repository';
import { NamesService } from './names.service';
import { OutboxRepository } from './outbox.repository';
import { NewSilence, Silence, SilencesRepository } from './silences.repository';

/**
 * What people do to alerts — acknowledge one, silence a region or an indicator, end a silence — one
 * definition for the operator's routes (alerting app) and the bureaus' (query app). Callers check who
 * may act on what; the outbox rows written here are delivered by the alerting app's dispatcher.
 */
@Injectable()
export class AlertActions {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly alerts: AlertsRepository,
    private readonly silences: SilencesRepository,
    private readonly outbox: OutboxRepository,
    private readonly names: NamesService,
  ) {}

  /**
   * An acknowledgement is a transition like the others — in the history and on the topic — and stops
   * repeats and escalation; the alert still resolves (and says so) when the region recovers.
   */
  async acknowledge(id: string, by: string, comment: string, now: Date): Promise<AlertRecord> {
    const alert = await inTransaction(this.pool, async (client) => {
      const acked = await this.alerts.acknowledge(client, id, by, comment, now);
      if (!acked) return undefined;
      const eventId = await this.alerts.recordEvent(client, {
        alertId: acked.id,
        transition: 'acknowledged',
        at: now,
        status: acked.status,
        actual: acked.actual,
        expected: acked.expected,
        silenced: false,
        detail: { by, comment },
      });
      const message = alertMessage(acked, 'acknowledged', eventId, now, false, this.names);
      await this.outbox.add(client, [
        { channel: 'topic', webhookId: null, messageKey: acked.bureau, idempotencyKey: message.idempotencyKey, payload: message },
      ]);
      return acked;
    });
    if (!alert) throw new ApiError('alert_not_open', `No open alert ${id}`);
    return alert;
  }

  /** A silence on an indicator and/or a region subtree, from `startsAt` (default: now) until `endsAt`. */
  async silence(silence: Omit<NewSilence, 'startsAt'> & { startsAt?: Date }, now: Date): Promise<Silence> {
    if (!silence.indicator && !silence.region) throw new ApiError('empty_matcher', 'A silence needs an indicator or a region');
    const startsAt = silence.startsAt ?? now;
    if (silence.endsAt <= startsAt) throw new ApiError('ends_before_start', 'The silence must end after it starts');
    if (silence.endsAt <= now) throw new ApiError('ends_in_past', 'The silence must end in the future');
    return this.silences.create({ ...silence, startsAt });
  }

  /** Ends a silence now. */
  async unsilence(id: string, now: Date): Promise<Silence> {
    const silence = await this.silences.expire(id, now);
    if (!silence) throw new ApiError('silence_not_active', `No active silence ${id}`);
    return silence;
  }
}
