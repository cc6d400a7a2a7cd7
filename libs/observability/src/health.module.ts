import { DynamicModule, Module, ModuleMetadata, Type } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { DEPENDENCY_CHECKS, DependencyCheck, HealthController } from './health.controller';

/** `/health` over the checks of the dependencies an app uses (each infra lib exports its own). */
@Module({})
export class HealthModule {
  /** @param imports modules exporting checks that no global module provides (an app's own) */
  static forChecks(checks: Type<DependencyCheck>[], imports: NonNullable<ModuleMetadata['imports']> = []): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ logger: false }), ...imports],
      controllers: [HealthController],
      providers: [{ provide: DEPENDENCY_CHECKS, useFactory: (...instances: DependencyCheck[]) => instances, inject: checks }],
    };
  }
}
