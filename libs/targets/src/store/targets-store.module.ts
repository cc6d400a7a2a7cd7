import { Module } from '@nestjs/common';
import { IndicatorReadingsModule } from '@lib/indicator-readings';
import { AlertsRepository } from './alerts.repository';
import { TargetJudge } from './target-judge.service';
import { TargetsRepository } from './targets.repository';

/**
 * Targets and alerts as stored: written by the alerting app, read by the query app (status, alert
 * lists); and the judge both use to colour cells.
 */
@Module({
  imports: [IndicatorReadingsModule],
  providers: [TargetsRepository, AlertsRepository, TargetJudge],
  exports: [TargetsRepository, AlertsRepository, TargetJudge],
})
export class TargetsStoreModule {}
