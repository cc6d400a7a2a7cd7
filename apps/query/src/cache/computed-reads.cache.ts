import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Counter, Gauge } from 'prom-client';
import { combineLatest, Subscription } from 'rxjs';
import { IndicatorChangeFeed } from '../stream/indicator-change-feed';
import type { QueryEnvironment } from '../query.environment';
import { ComputedReads, PlannedRead } from './computed-reads';
import { METRIC_BYTES, METRIC_ENTRIES, METRIC_INVALIDATED, METRIC_READS } from './computed-reads.metrics';
import { ReferenceDataChanges } from './reference-data-changes';

/**
 * The query app's computed-reads cache, wired to what invalidates it: the change feed (counters),
 * PostgreSQL notifications (targets, populations) and the TTL (time). Answers are kept only while both
 * sources are heard; losing either drops everything (a change may have gone unheard).
 */
@Injectable()
export class ComputedReadsCache implements OnModuleDestroy {
  private readonly reads: ComputedReads;
  private readonly subscriptions = new Subscription();

  constructor(
    config: ConfigService<QueryEnvironment, true>,
    feed: IndicatorChangeFeed,
    referenceData: ReferenceDataChanges,
    @InjectMetric(METRIC_READS) readsTotal: Counter,
    @InjectMetric(METRIC_INVALIDATED) invalidatedTotal: Counter,
    @InjectMetric(METRIC_ENTRIES) entries: Gauge,
    @InjectMetric(METRIC_BYTES) bytes: Gauge,
  ) {
    const ttlMs = config.get('QUERY_CACHE_TTL_MS', { infer: true });
    this.reads = new ComputedReads({
      ttlMs: Math.max(ttlMs, 1),
      maxEntries: config.get('QUERY_CACHE_MAX_ENTRIES', { infer: true }),
      maxBytes: config.get('QUERY_CACHE_MAX_BYTES', { infer: true }),
      onRead: (outcome) => readsTotal.inc({ outcome }),
      onInvalidated: (cause, answers) => invalidatedTotal.inc({ cause }, answers),
      onResized: (held, size) => {
        entries.set(held);
        bytes.set(size);
      },
    });
    this.subscriptions.add(feed.changes.subscribe((changes) => this.reads.invalidateCounters(changes)));
    this.subscriptions.add(
      referenceData.changes.subscribe((change) => {
        if (change.table === 'targets') this.reads.invalidateTargets(change);
        else this.reads.invalidatePopulations(change.year);
      }),
    );
    this.subscriptions.add(
      combineLatest([feed.live, referenceData.listening]).subscribe(([live, listening]) => this.reads.setStoring(ttlMs > 0 && live && listening)),
    );
  }

  read<T>(key: string, plan: () => PlannedRead<T>): Promise<T> {
    return this.reads.read(key, plan);
  }

  /** The cached answer for `key`, if there is one (see ComputedReads.cached). */
  cached<T>(key: string): T | undefined {
    return this.reads.cached<T>(key);
  }

  /** This process wrote populations: its own next reads see them without waiting for the notification. */
  populationsChanged(years: readonly number[]): void {
    for (const year of new Set(years)) this.reads.invalidatePopulations(year);
  }

  onModuleDestroy() {
    this.subscriptions.unsubscribe();
  }
}
