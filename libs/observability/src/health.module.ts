import { DynamicModule, Module, Type } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { DEPENDENCY_CHECKS, DependencyCheck, HealthController } from './health.controller';

/** `/health` over the checks of the dependencies an app uses (each infra lib exports its own). */
@Module({})
export class HealthModule {
  static forChecks(checks: Type<DependencyCheck>[]): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [HealthController],
      providers: [
        { provide: DEPENDENCY_CHECKS, useFactory: (...instances: DependencyCheck[]) => instances, inject: checks },
      ],
    };
  }
}
