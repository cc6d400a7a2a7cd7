import { Module } from '@nestjs/common';
import { PlatformModule } from '@lib/platform';
import { IndicatorReadingsModule } from '@lib/indicator-readings';
import { TargetsStoreModule } from '@lib/targets-store';
import { AlertsController } from './alerts/alerts.controller';
import { BureauTokenAuthenticator } from './auth/bureau-token-authenticator';
import { BureauTokenGuard } from './auth/bureau-token.guard';
import { ComputedReadsCache } from './cache/computed-reads.cache';
import { COMPUTED_READS_METRICS } from './cache/computed-reads.metrics';
import { ReferenceDataChanges } from './cache/reference-data-changes';
import { CatalogueController } from './catalogue/catalogue.controller';
import { RegionsController } from './catalogue/regions.controller';
import { FhirController } from './fhir/fhir.controller';
import { PopulationsController } from './populations/populations.controller';
import { ProvenanceController } from './provenance/provenance.controller';
import { ProvenanceRepository } from './provenance/provenance.repository';
import { ProvenanceService } from './provenance/provenance.service';
import { SilencesController } from './silences/silences.controller';
import { EpidemicController } from './surveillance/epidemic.controller';
import { EpidemicPanels } from './surveillance/epidemic-panel.service';
import { DashboardModule } from './dashboard/dashboard.module';
import { QueryEnvironment } from './query.environment';
import { TargetStatus } from './status/target-status.service';
import { IndicatorChangeFeed } from './stream/indicator-change-feed';
import { StreamSessions } from './stream/stream-sessions';
import { PublicBaseUrl } from './fhir/public-base-url';
import { LiveValues } from './stream/live-values.service';
import { CellStream } from './stream/cell-stream.service';
import { StreamController } from './stream/stream.controller';
import { IndicatorValues } from './values/indicator-values.service';
import { ValuesController } from './values/values.controller';

@Module({
  imports: [PlatformModule.forApp({ name: 'query', environment: QueryEnvironment }), IndicatorReadingsModule, TargetsStoreModule, DashboardModule],
  controllers: [
    AlertsController,
    SilencesController,
    ProvenanceController,
    CatalogueController,
    ValuesController,
    RegionsController,
    PopulationsController,
    StreamController,
    FhirController,
    EpidemicController,
  ],
  providers: [
    BureauTokenAuthenticator,
    BureauTokenGuard,
    ProvenanceRepository,
    ProvenanceService,
    EpidemicPanels,
    IndicatorValues,
    TargetStatus,
    IndicatorChangeFeed,
    LiveValues,
    CellStream,
    StreamSessions,
    PublicBaseUrl,
    ReferenceDataChanges,
    ComputedReadsCache,
    ...COMPUTED_READS_METRICS,
  ],
})
export class QueryModule {}
