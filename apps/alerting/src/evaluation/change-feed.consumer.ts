import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { CONSUMER_GROUPS, KafkaBatchConsumers, KafkaTopics } from '@lib/kafka';
import { parseIndicatorChanges } from '@lib/indicator-readings';
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
        group: CONSUMER_GROUPS.alerting,
        topic: this.topics.name('indicatorChanges'),
        fromBeginning: true,
        handleBatch: async (batch) => {
          const perMessage = batch.messages.map((m) => changedCells(m.value));
          const skipped = perMessage.filter((cells) => cells.length === 0).length;
          if (skipped > 0) this.logger.warn({ skipped }, 'malformed indicator changes skipped');
          const cells = perMessage.flat();
          await batch.heartbeat();
          await this.evaluation.onChanges(cells, this.clock.now());
        },
      })
      .start();
  }
}

/** The cells (one per changed period) a change message names; values are re-read, not trusted. */
export function changedCells(raw: Buffer | null): EvaluationCell[] {
  return parseIndicatorChanges(raw).map(({ indicator, level, region, period, dims }) => ({ indicator, level, region, period, dims }));
}
