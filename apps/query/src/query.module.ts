import { Module } from '@nestjs/common';
import { PlatformModule } from '@lib/platform';
import { QueryEnvironment } from './query.environment';

@Module({
  imports: [PlatformModule.forApp({ name: 'query', environment: QueryEnvironment })],
})
export class QueryModule {}
