import { DynamicModule, Injectable, Module, OnModuleInit } from '@nestjs/common';
import { register } from 'prom-client';
import { PrometheusModule } from '@willsoto/nestjs-prometheus';
import { HTTP_METRICS } from './http-metrics';

/**
 * prom-client's defaults include three gauges named `_total` (a counter's suffix), which Prometheus'
 * own lint (`promtool check metrics`) refuses. Each has a twin by type that stays:
 * `nodejs_active_handles{type}` and so on, whose sum is the same figure.
 */
const MISNAMED_DEFAULT_GAUGES = ['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total'];

@Injectable()
class DefaultMetricsLint implements OnModuleInit {
  onModuleInit(): void {
    for (const name of MISNAMED_DEFAULT_GAUGES) register.removeSingleMetric(name);
  }
}

/** Prometheus `/metrics` with the process defaults and HTTP request durations, every series labelled with the app name. */
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
      providers: [...HTTP_METRICS, DefaultMetricsLint],
      exports: [PrometheusModule, ...HTTP_METRICS],
    };
  }
}
