import { Inject, Injectable, Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { REDIS } from '@lib/redis';
import { Granularity, granularityOf } from '@lib/periods';
import { counterCellKey, groupBy } from '@lib/indicators';
import { LIVE_COUNTERS_READY, liveCounterField, liveCounterHash } from '@lib/indicator-readings';
import type { CounterValue } from '../counting/counter-delta';

/**
 * Writes a field only when its revision is newer than the cached one. Two aggregator instances (or
 * a refill racing live writes) may deliver a row's values out of order; the revision, raised by
 * one on every committed change of the row, keeps the newest.
 */
const SET_IF_NEWER = `
for i = 1, #KEYS do
  local field, doc, revision = ARGV[3 * i - 2], ARGV[3 * i - 1], tonumber(ARGV[3 * i])
  local cached = redis.call('HGET', KEYS[i], field)
  if (not cached) or tonumber(cjson.decode(cached).revision) < revision then
    redis.call('HSET', KEYS[i], field, doc)
  end
end
return #KEYS`;

/** About how many fields one script call writes: Redis serves nobody else while it runs. */
const FIELDS_PER_CALL = 500;

/**
 * The values in groups of about `size`, each holding whole cells: a reader (one MULTI over a cell's
 * hashes) sees all of a cell's changes of one fold or none — never a rate's numerator without its
 * denominator. A cell larger than `size` is a group of its own.
 */
export function inWholeCells(values: readonly CounterValue[], size: number): CounterValue[][] {
  const groups: CounterValue[][] = [];
  let group: CounterValue[] = [];
  for (const cell of groupBy(values, counterCellKey).values()) {
    if (group.length > 0 && group.length + cell.length > size) {
      groups.push(group);
      group = [];
    }
    group.push(...cell);
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

/** The live counter values in Redis. A cache: every failure is logged, never thrown; PostgreSQL is the truth. */
@Injectable()
export class LiveCountersCache {
  private readonly logger = new Logger(LiveCountersCache.name);

  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  /** @returns whether every value was written */
  async write(values: readonly CounterValue[]): Promise<boolean> {
    try {
      // A fold's values share few periods: each period id is parsed once per write, not once per value.
      const granularities = new Map<string, Granularity>();
      for (const chunk of inWholeCells(values, FIELDS_PER_CALL)) {
        const keys: string[] = [];
        const args: string[] = [];
        for (const v of chunk) {
          let granularity = granularities.get(v.period);
          if (!granularity) granularities.set(v.period, (granularity = granularityOf(v.period)));
          keys.push(liveCounterHash({ indicator: v.indicator, level: v.level, region: v.region, dims: v.dims, granularity }));
          args.push(liveCounterField(v), JSON.stringify({ value: v.value, revision: v.revision, asOf: v.asOf }), String(v.revision));
        }
        await this.redis.eval(SET_IF_NEWER, chunk.length, ...keys, ...args);
      }
      return true;
    } catch (error) {
      this.logger.warn({ err: error, counters: values.length }, 'live counters not refreshed in Redis');
      // Readers trust the cache only while it is complete: withdraw the marker so they read
      // PostgreSQL until the periodic refill has caught up (best effort: Redis may be down).
      await this.redis.del(LIVE_COUNTERS_READY).catch(() => undefined);
      return false;
    }
  }
}
