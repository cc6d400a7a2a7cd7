import { Module } from '@nestjs/common';
import { PlatformModule } from '@lib/platform';
import { AggregatorEnvironment } from './aggregator.environment';

@Module({
  imports: [PlatformModule.forApp({ name: 'aggregator', environment: AggregatorEnvironment })],
})
export class AggregatorModule {}
