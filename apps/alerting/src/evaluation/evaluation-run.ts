import { Inject, Injectable } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Pool } from 'pg';
import { Counter } from 'prom-client';
import { inTransaction, PG_POOL } from '@lib/database';
import { METRIC_ALERT_TRANSITIONS } from '../alerting.metrics';
import { NotificationsWriter } from '../notifications/notifications.writer';
import { OutboxDispatcher } from '../notifications/outbox.dispatcher';
import { SilencesRepository } from '@lib/targets-store';
import type { AlertCandidate } from './alert-candidate';
import { AlertTransitionsWriter } from './alert-transitions.writer';

/** One advisory lock for all evaluations: two alerting processes never judge the same alert at once. */
const EVALUATION_LOCK = 7_461_001;

/**
 * One evaluation: transitions, history and the notifications they cause are committed together (the
 * outbox), then delivery is kicked at once. Runs are serialised within the process and, by the
 * advisory lock, across processes — evaluations are short, and order matters more than parallelism here.
 */
@Injectable()
export class EvaluationRun {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly transitions: AlertTransitionsWriter,
    private readonly notifications: NotificationsWriter,
    private readonly silences: SilencesRepository,
    private readonly dispatcher: OutboxDispatcher,
    @InjectMetric(METRIC_ALERT_TRANSITIONS) private readonly transitionsCommitted: Counter,
  ) {}

  /** Applies candidates built by `prepare` (called inside the queue, so it reads fresh state). Resolves with the transitions written. */
  run(prepare: () => Promise<AlertCandidate[]>, now: Date): Promise<number> {
    const next = this.queue.then(async () => {
      const candidates = await prepare();
      if (candidates.length === 0) return 0;
      const silences = await this.silences.current(now);
      const written = await inTransaction(this.pool, async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [EVALUATION_LOCK]);
        const messages = await this.transitions.apply(client, candidates, now, silences);
        await this.notifications.write(client, messages, now);
        return messages;
      });
      // Counted once committed: a rolled-back evaluation changed nothing.
      for (const message of written) this.transitionsCommitted.inc({ transition: message.transition, kind: message.kind });
      if (written.length > 0) this.dispatcher.kick();
      return written.length;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}
