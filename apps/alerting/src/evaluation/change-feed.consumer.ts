import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { KafkaBatchConsumers, KafkaTopics } from '@lib/kafka';
import { isPeriodId } from '@lib/periods';
import { Clock } from '../clock/clock';
import type { EvaluationCell } from './alert-candidate';
import { EvaluationService } from './evaluation.service';

/**
 * Judges every cell the aggregator announces on `health.indicator-changes.v1`. One consumer group for
 * all alerting processes (each change judged once); a new group starts at the beginning of the topic's
 * day of retention, which is harmless — judging is idempotent, one alert per key. A malformed message
 * is skipped, never thrown on (that would block the partition); a database failure throws, so the
 * batch is retried.
 */
@Injectable()
export class ChangeFeedConsumer implements OnApplicationBootstrap {
  private readonly logger = new Logger(ChangeFeedConsumer.name);

  constructor(
    private readonly consumers: KafkaBatchConsumers,
    private readonly topics: KafkaTopics,
    private readonly evaluation: EvaluationService,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap() {
    await this.consumers
      .create({
        group: 'alerting',
        topic: this.topics.name('indicatorChanges'),
        fromBeginning: true,
        handleBatch: async (batch) => {
          const cells = batch.messages.map((m) => parseChange(m.value)).filter((c): c is EvaluationCell => c !== undefined);
          if (cells.length < batch.messages.length) this.logger.warn({ skipped: batch.messages.length - cells.length }, 'malformed indicator changes skipped');
          await batch.heartbeat();
          await this.evaluation.onChanges(cells, this.clock.now());
        },
      })
      .start();
  }
}

/** The cell a change message names (`{ indicator, level, region, period, dims, values, asOf }`); values are re-read, not trusted. */
export function parseChange(raw: Buffer | null): EvaluationCell | undefined {
  if (!raw) return undefined;
  try {
    const c = JSON.parse(raw.toString('utf8')) as Partial<EvaluationCell>;
    const ok = typeof c.indicator === 'string' && typeof c.level === 'string' && typeof c.region === 'string' && typeof c.period === 'string' && isPeriodId(c.period);
    return ok ? { indicator: c.indicator!, level: c.level!, region: c.region!, period: c.period!, dims: typeof c.dims === 'string' ? c.dims : '' } : undefined;
  } catch {
    return undefined;
  }
}
