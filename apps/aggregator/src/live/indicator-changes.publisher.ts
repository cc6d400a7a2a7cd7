import { Injectable, Logger } from '@nestjs/common';
import { KafkaProducer, KafkaTopics } from '@lib/kafka';
import type { CounterValue } from '../counting/counter-delta';

/**
 * One change announcement on `health.indicator-changes.v1`, keyed by region: a cell (indicator, level,
 * region, period, dims) whose stored measures changed in a committed batch, with their new values.
 * Measures not listed did not change; readers needing them read Redis or PostgreSQL.
 */
export interface IndicatorChange {
  indicator: string;
  level: string;
  region: string;
  period: string;
  dims: string;
  values: Record<string, number>;
  asOf: string;
}

export function indicatorChanges(values: readonly CounterValue[]): IndicatorChange[] {
  const cells = new Map<string, IndicatorChange>();
  for (const v of values) {
    const key = [v.indicator, v.level, v.region, v.period, v.dims].join('\u0000');
    let cell = cells.get(key);
    if (!cell) {
      cell = { indicator: v.indicator, level: v.level, region: v.region, period: v.period, dims: v.dims, values: {}, asOf: v.asOf };
      cells.set(key, cell);
    }
    cell.values[v.measure] = v.value;
    if (v.asOf > cell.asOf) cell.asOf = v.asOf;
  }
  return [...cells.values()];
}

/**
 * Announces committed changes for alerting and live dashboards. A notification, not the truth: a
 * failed send is logged (alerting also evaluates on a clock, dashboards can re-read), never retried
 * by re-applying the batch, which is already committed.
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

  async publish(values: readonly CounterValue[]): Promise<void> {
    if (values.length === 0) return;
    try {
      await this.producer.send(
        this.topic,
        indicatorChanges(values).map((change) => ({ key: change.region, value: change })),
      );
    } catch (error) {
      this.logger.warn({ err: error, counters: values.length }, 'indicator changes not announced');
    }
  }
}
