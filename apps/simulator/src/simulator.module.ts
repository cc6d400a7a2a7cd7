import { Module } from '@nestjs/common';
import { PlatformModule } from '@lib/platform';
import { FeedRunner } from './runner/feed-runner.service';
import { SimulatorController } from './runner/simulator.controller';
import { simulatorMetrics } from './runner/simulator.metrics';
import { SimulatorEnvironment } from './simulator.environment';

@Module({
  imports: [PlatformModule.forApp({ name: 'simulator', environment: SimulatorEnvironment })],
  controllers: [SimulatorController],
  providers: [FeedRunner, ...simulatorMetrics],
})
export class SimulatorModule {}
