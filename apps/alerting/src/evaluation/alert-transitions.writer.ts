import { Injectable } from '@nestjs/common';
import { RegistrySnapshot } from '@lib/registry-store';
import { applyTransition, closingTransition, decide, withJudgement } from '../lifecycle/lifecycle';
import { WorkingCalendarService } from '../calendar/working-calendar.service';
import type { LifecyclePolicy } from '../lifecycle/lifecycle-policy';
import { AlertingSettings } from '../settings/alerting-settings';
import { outbreakPolicy } from '../surveillance/outbreak-policy';
import {
  alertKeyString,
  alertMessage,
  AlertMessage,
  AlertRecord,
  AlertsRepository,
  AlertTransition,
  Db,
  EndedAlert,
  NamesService,
  Silence,
  silenceMatches,
} from '@lib/targets-store';
import type { AlertCandidate } from './alert-candidate';

/**
 * Applies judged candidates to the stored alerts inside the caller's transaction: locks the open
 * alerts of the keys, looks up when the others last ended (hold-down), runs the lifecycle, writes
 * alerts and their history, and returns one message per transition (flagged when silenced) for the outbox.
 */
@Injectable()
export class AlertTransitionsWriter {
  constructor(
    private readonly alerts: AlertsRepository,
    private readonly names: NamesService,
    private readonly registry: RegistrySnapshot,
    private readonly settings: AlertingSettings,
    private readonly calendar: WorkingCalendarService,
  ) {}

  async apply(db: Db, candidates: readonly AlertCandidate[], now: Date, silences: readonly Silence[]): Promise<AlertMessage[]> {
    const open = new Map(
      (
        await this.alerts.openForUpdate(
          db,
          candidates.map((c) => c.key),
        )
      ).map((a) => [alertKeyString(a), a]),
    );
    const opening = candidates.filter((c) => !open.has(alertKeyString(c.key)) && (c.judgement.status === 'red' || c.judgement.status === 'yellow'));
    const lastEnded = await this.alerts.lastEnded(
      db,
      opening.map((c) => c.key),
    );
    const policy = await this.policyAt(now);
    const messages: AlertMessage[] = [];
    for (const candidate of candidates) {
      const key = alertKeyString(candidate.key);
      const existing = open.get(key);
      const transitions = this.transitionsFor(existing, candidate, now, lastEnded.get(key) ?? null, policy);
      if (!existing && transitions.length === 0) continue;

      let alert: Omit<AlertRecord, 'id'> | AlertRecord = withJudgement(existing ?? this.fresh(candidate, now), candidate.judgement, now);
      if (candidate.close) alert = { ...alert, resolveReason: candidate.close };
      const escalateTo = this.registry.regions.parentOf(alert.bureau)?.code ?? null;
      for (const transition of transitions) alert = applyTransition(alert, transition, now, escalateTo);
      let stored: AlertRecord;
      if (existing) await this.alerts.update(db, (stored = { ...(alert as AlertRecord), id: existing.id }));
      else stored = await this.alerts.insert(db, alert);

      const silenced = silences.some((s) => silenceMatches(s, stored, now, (code, scope) => this.registry.regions.isWithin(code, scope)));
      for (const transition of transitions) {
        const eventId = await this.alerts.recordEvent(db, {
          alertId: stored.id,
          transition,
          at: now,
          status: stored.status,
          actual: stored.actual,
          expected: stored.expected,
          silenced,
          detail: { ...stored.detail },
        });
        messages.push(alertMessage(stored, transition, eventId, now, silenced, this.names));
      }
    }
    return messages;
  }

  /** The lifecycle's policy, with escalation counted on the working calendar's working days when configured. */
  private async policyAt(now: Date): Promise<LifecyclePolicy> {
    if (!this.settings.escalateOnWorkingDaysOnly || this.settings.lifecycle.escalateAfterMs === 0) return this.settings.lifecycle;
    const calendar = await this.calendar.calendarAt(now);
    return { ...this.settings.lifecycle, escalationElapsedMs: (from, to) => calendar.workingDaysMsBetween(from, to) };
  }

  private transitionsFor(
    existing: AlertRecord | undefined,
    candidate: AlertCandidate,
    now: Date,
    lastEnded: EndedAlert | null,
    policy: LifecyclePolicy,
  ): AlertTransition[] {
    if (candidate.close) return existing ? [closingTransition(existing.state)] : [];
    // A feed going quiet is already the configured delay: it fires at once, and is not escalated.
    const feedPolicy = candidate.key.kind === 'feed_stale' ? { ...policy, redFiresImmediately: true, escalateAfterMs: 0 } : policy;
    return decide(existing, candidate.judgement, now, candidate.key.kind === 'outbreak' ? outbreakPolicy(policy) : feedPolicy, lastEnded);
  }

  private fresh(candidate: AlertCandidate, now: Date): Omit<AlertRecord, 'id'> {
    return {
      ...candidate.key,
      bureau: candidate.bureau,
      target: candidate.target,
      state: 'pending',
      status: candidate.judgement.status,
      expected: null,
      actual: null,
      gap: null,
      detail: {},
      resolveReason: null,
      startedAt: now,
      firedAt: null,
      resolvedAt: null,
      lastNotifiedAt: null,
      evaluatedAt: now,
      recoveringSince: null,
      acknowledgedAt: null,
      acknowledgedBy: null,
      ackComment: null,
      escalatedAt: null,
      escalatedTo: null,
    };
  }
}
