import { Module } from '@nestjs/common';
import { IndicatorReadingsModule } from '@lib/indicator-readings';
import { PlatformModule } from '@lib/platform';
import { ALERTING_METRICS } from './alerting.metrics';
import { AlertingEnvironment } from './alerting.environment';
import { AlertsController } from './alerts/alerts.controller';
import { AlertsService } from './alerts/alerts.service';
import { AdminGuard } from '@lib/platform';
import { Clock, SystemClock } from './clock/clock';
import { AlertTransitionsWriter } from './evaluation/alert-transitions.writer';
import { CellJudge } from './evaluation/cell-judge.service';
import { ChangeFeedConsumer } from './evaluation/change-feed.consumer';
import { EvaluationRun } from './evaluation/evaluation-run';
import { EvaluationService } from './evaluation/evaluation.service';
import { EvaluationTicker } from './evaluation/evaluation.ticker';
import { EvaluationsController } from './evaluation/evaluations.controller';
import { WorkingCalendarController } from './calendar/working-calendar.controller';
import { WorkingCalendarRepository } from './calendar/working-calendar.repository';
import { WorkingCalendarService } from './calendar/working-calendar.service';
import { FeedStaleness } from './feeds/feed-staleness.service';
import { OutbreakDetection } from './surveillance/outbreak-detection.service';
import { InstitutionFeedsRepository } from './feeds/institution-feeds.repository';
import { DeadLettersController } from './notifications/dead-letters.controller';
import { NotificationsWriter } from './notifications/notifications.writer';
import { OutboxDispatcher } from './notifications/outbox.dispatcher';
import { WebhookSender } from './notifications/webhook-sender';
import { WebhooksController } from './notifications/webhooks.controller';
import { WebhooksRepository } from './notifications/webhooks.repository';
import { AlertingSettings } from './settings/alerting-settings';
import { SilencesController } from './silences/silences.controller';
import { TargetsStoreModule } from '@lib/targets-store';
import { TargetsController } from './targets/targets.controller';
import { TargetsService } from './targets/targets.service';

/**
 * Targets, three-colour status and warnings: judges indicator cells on every change and on a clock,
 * runs each alert's lifecycle, and notifies through a durable outbox (topic and bureaus' webhooks).
 */
@Module({
  imports: [PlatformModule.forApp({ name: 'alerting', environment: AlertingEnvironment }), IndicatorReadingsModule, TargetsStoreModule],
  controllers: [
    TargetsController,
    AlertsController,
    SilencesController,
    WebhooksController,
    DeadLettersController,
    EvaluationsController,
    WorkingCalendarController,
  ],
  providers: [
    ...ALERTING_METRICS,
    { provide: Clock, useClass: SystemClock },
    AdminGuard,
    AlertingSettings,
    TargetsService,
    AlertsService,
    InstitutionFeedsRepository,
    WorkingCalendarRepository,
    WorkingCalendarService,
    FeedStaleness,
    OutbreakDetection,
    CellJudge,
    AlertTransitionsWriter,
    NotificationsWriter,
    EvaluationRun,
    EvaluationService,
    EvaluationTicker,
    ChangeFeedConsumer,
    WebhooksRepository,
    WebhookSender,
    OutboxDispatcher,
  ],
})
export class AlertingModule {}
