import { Module } from '@nestjs/common';
import { AlertsRepository } from './alerts.repository';
import { TargetsRepository } from './targets.repository';

/** Targets and alerts as stored: written by the alerting app, read by the query app (status, alert lists). */
@Module({
  providers: [TargetsRepository, AlertsRepository],
  exports: [TargetsRepository, AlertsRepository],
})
export class TargetsStoreModule {}
