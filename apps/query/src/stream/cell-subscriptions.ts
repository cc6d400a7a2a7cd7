import type { IndicatorChange } from '@lib/indicator-readings';
import { rangeIncludes } from '@lib/indicator-readings';
import { counterCellKey } from '@lib/indicators';
import type { ReadDependencies } from '../cache/computed-reads';

/**
 * One subscribed values request (indicator, region, level, period, dims, in one bureau's scope): the
 * cells it shows are the rows of that values answer. Every connection asking the same question shares
 * one topic, so one change is matched and computed once whatever the number of connections.
 */
export interface Topic<R, S> {
  key: string;
  request: R;
  dependsOn: ReadDependencies;
  subscribers: Set<S>;
  /** Regions (rows) of the answer that changed since the last `takeChanged`. */
  changed: Set<string>;
}

/** A topic to subscribe to: its key (the values cache key), the request and what its answer reads. */
export interface TopicRequest<R> {
  key: string;
  request: R;
  dependsOn: ReadDependencies;
}

/**
 * The subscribed topics, indexed by the cells they read (indicator, level, dims, region), so that a
 * change-feed message is matched through one map lookup per changed cell — never by scanning every
 * connection's subscriptions. Changes only mark rows; `takeChanged` hands the marked rows over once
 * per coalescing window, so a cell changing a hundred times in a window is sent once.
 */
export class CellSubscriptions<R, S> {
  private readonly topics = new Map<string, Topic<R, S>>();
  private readonly byCell = new Map<string, Set<Topic<R, S>>>();
  /** Topics with changed rows: a window's work is proportional to what changed, not to what is subscribed. */
  private dirty = new Set<Topic<R, S>>();

  get topicCount(): number {
    return this.topics.size;
  }

  /** Subscribes `subscriber` to the topics; returns the function that unsubscribes it (a topic left without subscribers is dropped). */
  subscribe(subscriber: S, requests: readonly TopicRequest<R>[]): () => void {
    const joined: Topic<R, S>[] = [];
    for (const { key, request, dependsOn } of requests) {
      let topic = this.topics.get(key);
      if (!topic) {
        topic = { key, request, dependsOn, subscribers: new Set(), changed: new Set() };
        this.topics.set(key, topic);
        for (const region of dependsOn.regions) {
          const cell = counterCellKey({ ...dependsOn, region });
          const topics = this.byCell.get(cell);
          if (topics) topics.add(topic);
          else this.byCell.set(cell, new Set([topic]));
        }
      }
      topic.subscribers.add(subscriber);
      joined.push(topic);
    }
    let done = false;
    return () => {
      if (done) return;
      done = true;
      for (const topic of joined) {
        topic.subscribers.delete(subscriber);
        if (topic.subscribers.size === 0) this.drop(topic);
      }
    };
  }

  /** Marks the rows of subscribed answers that read a changed counter (its cell, a period within what the answer reads). */
  noteChanges(changes: readonly IndicatorChange[]): void {
    for (const change of changes) {
      const topics = this.byCell.get(counterCellKey(change));
      if (!topics) continue;
      for (const topic of topics) {
        if (!topic.dependsOn.counters.some((range) => rangeIncludes(range, change.period))) continue;
        topic.changed.add(change.region);
        this.dirty.add(topic);
      }
    }
  }

  /** The topics with changed rows since the last call, and those rows; the marks are cleared. */
  takeChanged(): { topic: Topic<R, S>; regions: Set<string> }[] {
    const taken: { topic: Topic<R, S>; regions: Set<string> }[] = [];
    const dirty = this.dirty;
    this.dirty = new Set();
    for (const topic of dirty) {
      taken.push({ topic, regions: topic.changed });
      topic.changed = new Set();
    }
    return taken;
  }

  /** Marks rows again (a window whose read failed hands them to the next). */
  markChanged(topic: Topic<R, S>, regions: Iterable<string>): void {
    if (this.topics.get(topic.key) !== topic) return;
    for (const region of regions) topic.changed.add(region);
    this.dirty.add(topic);
  }

  private drop(topic: Topic<R, S>): void {
    this.topics.delete(topic.key);
    this.dirty.delete(topic);
    for (const region of topic.dependsOn.regions) {
      const cell = counterCellKey({ ...topic.dependsOn, region });
      const topics = this.byCell.get(cell);
      if (!topics) continue;
      topics.delete(topic);
      if (topics.size === 0) this.byCell.delete(cell);
    }
  }
}
