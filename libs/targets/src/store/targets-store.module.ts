import { Module } from '@nestjs/common';
import { IndicatorReadingsModule } from '@lib/indicator-readings';
import { AlertActions } from './alert-actions.service';
import { AlertsRepository } from './alerts.repository';
import { NamesService } from './names.service';
import { OutboxRepository } from './outbox.repository';
import { SilencesRepository } from './silences.repository';
import { TargetJudge } from './target-judge.service';
import { TargetsRepository } from './targets.repository';

const PROVIDERS = [TargetsRepository, AlertsRepository, SilencesRepository, OutboxRepository, NamesService, AlertActions, TargetJudge];

/**
 * Targets, alerts, silences and the notification outbox as stored: written by the alerting app (which
 * also delivers the outbox), read by the query app (status, alert lists); the judge both use to colour
 * cells; and the actions operators and bureaus take on alerts (`AlertActions`).
 */
@Module({
  imports: [IndicatorReadingsModule],
  providers: PROVIDERS,
  exports: PROVIDERS,
})
export class TargetsStoreModule {}
