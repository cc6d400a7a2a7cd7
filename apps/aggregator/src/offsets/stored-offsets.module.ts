import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ConsumerOffsetsRepository } from './consumer-offsets.repository';
import { OFFSETS_REFUSED_METRIC } from '../consumption/aggregator.metrics';
import { StoredOffsetsCheck } from './stored-offsets.check';

/** The offsets repository and its check, in a module of their own so /health (PlatformModule) can import the check. */
@Module({
  imports: [TerminusModule],
  providers: [ConsumerOffsetsRepository, StoredOffsetsCheck, OFFSETS_REFUSED_METRIC],
  exports: [ConsumerOffsetsRepository, StoredOffsetsCheck],
})
export class StoredOffsetsModule {}
