import { Module } from '@nestjs/common';
import { PlatformModule } from '@lib/platform';
import { AdminModule } from './admin/admin.module';
import { EventsModule } from './events/events.module';
import { ImportsModule } from './import/imports.module';
import { IngestEnvironment } from './ingest.environment';

@Module({
  imports: [PlatformModule.forApp({ name: 'ingest', environment: IngestEnvironment }), EventsModule, AdminModule, ImportsModule],
})
export class IngestModule {}
