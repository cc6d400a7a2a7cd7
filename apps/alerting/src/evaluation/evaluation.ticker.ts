import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '../clock/clock';
import { AlertingSettings } from '../settings/alerting-settings';
import { EvaluationService } from './evaluation.service';

/**
 * The periodic sweep: without it a pro-rata target would never fall behind on a quiet day, a new month
 * would not be judged until its first event, and firing alerts would never repeat or escalate.
 */
@Injectable()
export class EvaluationTicker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EvaluationTicker.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly evaluation: EvaluationService,
    private readonly clock: Clock,
    private readonly settings: AlertingSettings,
  ) {}

  onApplicationBootstrap() {
    // First sweep soon after start: catches up on whatever changed while this process was down.
    setTimeout(() => this.tick(), 1000).unref();
    this.timer = setInterval(() => this.tick(), this.settings.evaluationIntervalMs);
    this.timer.unref();
  }

  onApplicationShutdown() {
    clearInterval(this.timer);
  }

  private tick(): void {
    this.evaluation.sweep(this.clock.now()).catch((error: unknown) => this.logger.warn({ err: error }, 'evaluation sweep failed'));
  }
}
