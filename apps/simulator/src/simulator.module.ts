import { Module } from '@nestjs/common';
import { PlatformModule } from '@lib/platform';
import { SimulatorEnvironment } from './simulator.environment';

@Module({
  imports: [PlatformModule.forApp({ name: 'simulator', environment: SimulatorEnvironment })],
})
export class SimulatorModule {}
