import { hostname } from 'node:os';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Observable, Subject } from 'rxjs';
import { CONSUMER_GROUPS, KafkaBatchConsumers, KafkaTopics } from '@lib/kafka';
import { IndicatorChange, parseIndicatorChanges } from '@lib/indicator-readings';

/**
 * Every change the aggregator announces, as an observable. Each query process is its own consumer
 * group (every process must see every change) and starts at the newest message: the stream is live,
 * a reconnecting dashboard re-reads values over the API.
 */
@Injectable()
export class IndicatorChangeFeed implements OnApplicationBootstrap {
  private readonly subject = new Subject<IndicatorChange[]>();

  constructor(
    private readonly consumers: KafkaBatchConsumers,
    private readonly topics: KafkaTopics,
  ) {}

  get changes(): Observable<IndicatorChange[]> {
    return this.subject.asObservable();
  }

  async onApplicationBootstrap() {
    await this.consumers
      .create({
        group: `${CONSUMER_GROUPS.queryStream}${hostname()}.${process.pid}`,
        topic: this.topics.name('indicatorChanges'),
        fromBeginning: false,
        handleBatch: async (batch) => {
          const changes = batch.messages.flatMap((m) => parseIndicatorChanges(m.value));
          if (changes.length > 0) this.subject.next(changes);
        },
      })
      .start();
  }
}
