import { Injectable, Logger } from '@nestjs/common';
import { KafkaProducer, KafkaTopics } from '@lib/kafka';
import type { IndicatorChangeMessage } from '@lib/indicator-readings';
import { counterCellKey } from '@lib/indicators';
import type { CounterValue } from '../counting/counter-delta';

/** The messages announcing a committed transaction's new counter values: one per changed cell. */
export function indicatorChanges(values: readonly CounterValue[]): IndicatorChangeMessage[] {
  const cells = new Map<string, IndicatorChangeMessage>();
  for (const v of values) {
    const key = counterCellKey(v);
    let cell = cells.get(key);
    if (!cell) {
      cell = { indicator: v.indicator, level: v.level, region: v.region, dims: v.dims, periods: {}, asOf: v.asOf };
      cells.set(key, cell);
    }
    (cell.periods[v.period] ??= {})[v.measure] = v.value;
    if (v.asOf > cell.asOf) cell.asOf = v.asOf;
  }
  return [...cells.values()];
}

/**
 * Announces committed changes for alerting and live dashboards. A notification, not the truth: a
 * failed send is logged and announced again later from PostgreSQL (LiveCountersRefill), never
 * retried by re-applying the batch, which is already committed.
 */
@Injectable()
export class IndicatorChangesPublisher {
  private readonly logger = new Logger(IndicatorChangesPublisher.name);
  private readonly topic: string;

  constructor(
    private readonly producer: KafkaProducer,
    topics: KafkaTopics,
  ) {
    this.topic = topics.name('indicatorChanges');
  }

  /** @returns whether every change was sent */
  async publish(values: readonly CounterValue[]): Promise<boolean> {
    if (values.length === 0) return true;
    try {
      await this.producer.send(
        this.topic,
        indicatorChanges(values).map((change) => ({ key: change.region, value: change })),
      );
      return true;
    } catch (error) {
      this.logger.warn({ err: error, counters: values.length }, 'indicator changes not announced');
      return false;
    }
  }
}
