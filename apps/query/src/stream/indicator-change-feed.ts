import { hostname } from 'node:os';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { BehaviorSubject, Observable, Subject } from 'rxjs';
import { CONSUMER_GROUPS, KafkaBatchConsumers, KafkaTopics } from '@lib/kafka';
import { IndicatorChange, parseIndicatorChanges } from '@lib/indicator-readings';

/**
 * Every change the aggregator announces, as an observable, delivered synchronously while the batch is
 * handled (before its offset is committed). Each query process is its own consumer group (every process
 * must see every change) and starts at the newest message: the stream is live, a reconnecting
 * dashboard re-reads values over the API.
 */
@Injectable()
export class IndicatorChangeFeed implements OnApplicationBootstrap {
  private readonly subject = new Subject<IndicatorChange[]>();
  private readonly liveSubject = new BehaviorSubject(false);

  constructor(
    private readonly consumers: KafkaBatchConsumers,
    private readonly topics: KafkaTopics,
  ) {}

  get changes(): Observable<IndicatorChange[]> {
    return this.subject.asObservable();
  }

  /** True once every change published from then on reaches `changes` (the group has joined and fetched). */
  get live(): Observable<boolean> {
    return this.liveSubject.asObservable();
  }

  async onApplicationBootstrap() {
    await this.consumers
      .create({
        group: `${CONSUMER_GROUPS.queryStream}${hostname()}.${process.pid}`,
        topic: this.topics.name('indicatorChanges'),
        fromBeginning: false,
        onFetching: () => this.liveSubject.next(true),
        handleBatch: (batch) => {
          const changes = batch.messages.flatMap((m) => parseIndicatorChanges(m.value));
          if (changes.length > 0) this.subject.next(changes);
          return Promise.resolve();
        },
      })
      .start();
  }
}
