import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { parseSchedule, type Granularity, type WorkingSchedule } from '@lib/periods';
import type { AlertingEnvironment } from '../alerting.environment';
import type { LifecyclePolicy } from '../lifecycle/lifecycle-policy';
import type { DeliveryPolicy } from '../notifications/notification-policy';
import { OutbreakSettings, outbreakSettings } from '../surveillance/outbreak-settings';

/** The validated environment turned into the shapes the pure code takes (milliseconds, sets, schedules). */
@Injectable()
export class AlertingSettings {
  readonly lifecycle: LifecyclePolicy;
  readonly delivery: DeliveryPolicy;
  readonly granularities: ReadonlySet<Granularity>;
  readonly evaluationIntervalMs: number;
  readonly feedStaleAfterHours: number;
  readonly workingSchedule: WorkingSchedule;
  readonly feedStaleMode: 'annotate' | 'hold';
  /** Escalation counts only time on working days (the working calendar's). */
  readonly escalateOnWorkingDaysOnly: boolean;
  /** The outbreak detectors' parameters (OUTBREAK_*). */
  readonly outbreak: OutbreakSettings;
  /** Whether POST /v1/evaluations may take an `at` (moving the clock is for tests and demos, never production). */
  readonly clockOverrideAllowed: boolean;

  constructor(config: ConfigService<AlertingEnvironment, true>) {
    const get = <K extends keyof AlertingEnvironment>(key: K) => config.get<AlertingEnvironment[K]>(key);
    this.lifecycle = {
      forMs: get('ALERT_FOR_SECONDS') * 1000,
      redFiresImmediately: get('ALERT_RED_FIRES_IMMEDIATELY'),
      yellowForMs: get('ALERT_YELLOW_FOR_SECONDS') * 1000,
      repeatIntervalMs: get('ALERT_REPEAT_INTERVAL_SECONDS') * 1000,
      escalateAfterMs: get('ALERT_ESCALATE_AFTER_SECONDS') * 1000,
      resolveMarginShare: get('ALERT_RESOLVE_MARGIN_SHARE'),
      resolveAfterMs: get('ALERT_RESOLVE_AFTER_SECONDS') * 1000,
      holdDownMs: get('ALERT_HOLD_DOWN_SECONDS') * 1000,
    };
    this.delivery = {
      maxAttempts: get('WEBHOOK_MAX_ATTEMPTS'),
      backoffBaseMs: get('WEBHOOK_BACKOFF_BASE_MS'),
      backoffMaxMs: get('WEBHOOK_BACKOFF_MAX_MS'),
      timeoutMs: get('WEBHOOK_TIMEOUT_MS'),
      pollIntervalMs: get('OUTBOX_POLL_INTERVAL_MS'),
      batchSize: get('OUTBOX_BATCH_SIZE'),
    };
    this.granularities = new Set(get('ALERT_GRANULARITIES').split(',') as Granularity[]);
    this.evaluationIntervalMs = get('ALERT_EVALUATION_INTERVAL_SECONDS') * 1000;
    this.feedStaleAfterHours = get('FEED_STALE_AFTER_WORKING_HOURS');
    this.workingSchedule = parseSchedule(get('FEED_WORKING_HOURS'), get('FEED_WORKING_DAYS'));
    this.feedStaleMode = get('FEED_STALE_MODE');
    this.escalateOnWorkingDaysOnly = get('ALERT_ESCALATE_ON') === 'working_days';
    this.clockOverrideAllowed = get('NODE_ENV') !== 'production';
    this.outbreak = outbreakSettings({
      OUTBREAK_LISTED_DISEASES: get('OUTBREAK_LISTED_DISEASES'),
      OUTBREAK_YELLOW_PERCENTILE: get('OUTBREAK_YELLOW_PERCENTILE'),
      OUTBREAK_RED_PERCENTILE: get('OUTBREAK_RED_PERCENTILE'),
      OUTBREAK_MIN_COUNT: get('OUTBREAK_MIN_COUNT'),
      OUTBREAK_BASELINE_YEARS: get('OUTBREAK_BASELINE_YEARS'),
      OUTBREAK_NEIGHBOUR_WEEKS: get('OUTBREAK_NEIGHBOUR_WEEKS'),
      OUTBREAK_MIN_HISTORY: get('OUTBREAK_MIN_HISTORY'),
      OUTBREAK_EARS_MIN_SIGMA: get('OUTBREAK_EARS_MIN_SIGMA'),
      OUTBREAK_EARS_THRESHOLDS: get('OUTBREAK_EARS_THRESHOLDS'),
      OUTBREAK_EARS_MIN_COUNT: get('OUTBREAK_EARS_MIN_COUNT'),
    });
  }
}
