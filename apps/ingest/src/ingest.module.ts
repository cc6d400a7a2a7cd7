import { Module } from '@nestjs/common';
import { PlatformModule } from '@lib/platform';
import { IngestEnvironment } from './ingest.environment';

@Module({
  imports: [PlatformModule.forApp({ name: 'ingest', environment: IngestEnvironment })],
})
export class IngestModule {}
