import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Observable, Subscriber, Subscription } from 'rxjs';
import type { Status } from '@lib/targets';
import { IndicatorValues, ValueRow } from '../values/indicator-values.service';
import { ValuesRequest, valuesKey } from '../values/read-request';
import type { QueryEnvironment } from '../query.environment';
import { CellSubscriptions } from './cell-subscriptions';
import { IndicatorChangeFeed } from './indicator-change-feed';

/** One cell as the stream sends it: a row of the subscribed values answer, with what addresses it. */
export interface StreamedCell {
  indicator: string;
  period: string;
  level: ValueRow['level'];
  dims: string;
  region: string;
  name: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  target: number | null;
  status: Status;
  asOf: string | null;
}

/** One SSE `cells` message: every changed cell of one connection in one coalescing window. `id` is its Last-Event-ID. */
export interface CellsMessage {
  id: string;
  cells: StreamedCell[];
  /** `{ cells }` as JSON, when already serialised for another connection of the same window. */
  data?: string;
}

/**
 * A resumed stream re-sends every subscribed cell whose counters changed up to this long before the
 * last message the client received: changes reach this process after the aggregator stamps them
 * (`asOf`), so a change stamped just before a message may have been sent only in the next one.
 */
export const RESUME_MARGIN_MS = 60_000;

/**
 * Subscribed streams: connections subscribe to values requests (the cells their page shows); the
 * change feed marks changed cells through an index; every STREAM_COALESCE_MS the marked answers are
 * read once each (from the computed-reads cache, the values API's own computation) and each
 * connection gets one message with its changed cells. A connection costs work only for what it is
 * sent, whatever the event rate.
 */
@Injectable()
export class CellStream implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(CellStream.name);
  private readonly subscriptions = new CellSubscriptions<ValuesRequest, Subscriber<CellsMessage>>();
  private readonly windowMs: number;
  private feedSubscription?: Subscription;
  private timer?: NodeJS.Timeout;
  private flushing = false;
  private lastId = 0;

  constructor(
    private readonly feed: IndicatorChangeFeed,
    private readonly indicatorValues: IndicatorValues,
    config: ConfigService<QueryEnvironment, true>,
  ) {
    this.windowMs = config.get('STREAM_COALESCE_MS', { infer: true });
  }

  onModuleInit() {
    this.feedSubscription = this.feed.changes.subscribe((changes) => this.subscriptions.noteChanges(changes));
    this.timer = setInterval(() => void this.flush(), this.windowMs);
    this.timer.unref();
  }

  onModuleDestroy() {
    this.feedSubscription?.unsubscribe();
    clearInterval(this.timer);
  }

  /**
   * The messages of one connection subscribed to `requests` (validated and scope-checked). With the
   * id of the last message a client received, it first gets the current value of each subscribed
   * cell changed since (RESUME_MARGIN_MS).
   */
  open(requests: readonly ValuesRequest[], lastEventId?: string): Observable<CellsMessage> {
    return new Observable<CellsMessage>((subscriber) => {
      const topics = requests.map((request) => ({ key: valuesKey(request), request, dependsOn: this.indicatorValues.valuesDependOn(request) }));
      const unsubscribe = this.subscriptions.subscribe(subscriber, topics);
      const since = lastEventId !== undefined && /^\d{1,16}$/.test(lastEventId) ? Number(lastEventId) - RESUME_MARGIN_MS : undefined;
      if (since !== undefined) {
        this.changedSince(requests, since).then(
          (cells) => subscriber.next({ id: this.nextId(), cells }),
          (error: unknown) => subscriber.error(error),
        );
      }
      return unsubscribe;
    });
  }

  private async changedSince(requests: readonly ValuesRequest[], since: number): Promise<StreamedCell[]> {
    const answers = await Promise.all(requests.map(async (request) => ({ request, rows: await this.indicatorValues.values(request) })));
    return answers.flatMap(({ request, rows }) =>
      rows.filter((row) => row.asOf !== null && Date.parse(row.asOf) > since).map((row) => streamedCell(request, row)),
    );
  }

  /** One coalescing window: reads each changed answer once and sends each connection its changed cells in one message. */
  private async flush(): Promise<void> {
    if (this.flushing) return; // a slow read: changes keep accumulating for the next window
    this.flushing = true;
    try {
      const changed = this.subscriptions.takeChanged();
      if (changed.length === 0) return;
      const outbox = new Map<Subscriber<CellsMessage>, { cells: StreamedCell[]; topics: string[] }>();
      await Promise.all(
        changed.map(async ({ topic, regions }) => {
          let rows: readonly ValueRow[];
          try {
            rows = await this.indicatorValues.values(topic.request);
          } catch (error) {
            this.logger.warn({ err: error, topic: topic.key }, 'a subscribed answer could not be read; retried next window');
            this.subscriptions.markChanged(topic, regions);
            return;
          }
          const cells = rows.filter((row) => regions.has(row.region)).map((row) => streamedCell(topic.request, row));
          if (cells.length === 0) return;
          for (const subscriber of topic.subscribers) {
            const box = outbox.get(subscriber);
            if (box) {
              box.cells.push(...cells);
              box.topics.push(topic.key);
            } else outbox.set(subscriber, { cells: [...cells], topics: [topic.key] });
          }
        }),
      );
      const id = this.nextId();
      // Connections of one page (same topics) get the same cells: serialised once per window, not per connection.
      // (A topic's cells reach all its subscribers at once, so equal topic lists mean equal cells in equal order.)
      const serialised = new Map<string, string>();
      for (const [subscriber, { cells, topics }] of outbox) {
        const signature = topics.join('\n');
        let data = serialised.get(signature);
        if (data === undefined) serialised.set(signature, (data = JSON.stringify({ cells })));
        subscriber.next({ id, cells, data });
      }
    } finally {
      this.flushing = false;
    }
  }

  /** Message ids are this process's clock in ms, strictly increasing: a resume compares them with `asOf`. */
  private nextId(): string {
    this.lastId = Math.max(Date.now(), this.lastId + 1);
    return String(this.lastId);
  }
}

function streamedCell(request: ValuesRequest, row: ValueRow): StreamedCell {
  return {
    indicator: request.def.code,
    period: request.period,
    level: row.level,
    dims: request.dims,
    region: row.region,
    name: row.name,
    numerator: row.numerator,
    denominator: row.denominator,
    value: row.value,
    target: row.target,
    status: row.status,
    asOf: row.asOf,
  };
}
