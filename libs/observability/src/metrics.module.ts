import { DynamicModule, Module } from '@nestjs/common';
import { PrometheusModule } from '@willsoto/nestjs-prometheus';

/** Prometheus `/metrics` with the process defaults, every series labelled with the app name. */
@Module({})
export class MetricsModule {
  static forApp(app: string): DynamicModule {
    return {
      module: MetricsModule,
      global: true,
      imports: [
        PrometheusModule.register({
          path: '/metrics',
          defaultLabels: { app },
          defaultMetrics: { enabled: true },
        }),
      ],
      exports: [PrometheusModule],
    };
  }
}
