import { Module } from '@nestjs/common';
import { PlatformModule } from '@lib/platform';
import { AlertingEnvironment } from './alerting.environment';

@Module({
  imports: [PlatformModule.forApp({ name: 'alerting', environment: AlertingEnvironment })],
})
export class AlertingModule {}
