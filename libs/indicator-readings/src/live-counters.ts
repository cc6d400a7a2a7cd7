import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import type { Measure, RegionLevel } from '@lib/indicators';
import type { Granularity } from '@lib/periods';
import { REDIS } from '@lib/redis';
import type { StoredCounter } from './counters.repository';
import { LIVE_COUNTERS_READY, liveCounterHash } from './live-counter-keys';

/**
 * The aggregator's live counters in Redis: every measure and period of a cell's granularity in one
 * hash, one round trip for all the cells of a request, read in one MULTI so that a fold's changes to a
 * cell (written in one script call) are seen all or none. Only trusted while the aggregator's "ready" marker is
 * set (it withdraws it when a write fails, and refills from PostgreSQL); otherwise `undefined`.
 */
@Injectable()
export class LiveCounters {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async rows(
    indicator: string,
    level: RegionLevel,
    regions: string[],
    dims: string,
    granularities: readonly Granularity[],
  ): Promise<StoredCounter[] | undefined> {
    try {
      const reads = this.redis.multi().exists(LIVE_COUNTERS_READY);
      const cells = regions.flatMap((region) => granularities.map((granularity) => ({ region, granularity })));
      for (const cell of cells) reads.hgetall(liveCounterHash({ indicator, level, dims, ...cell }));
      const results = (await reads.exec()) ?? [];
      if (results.some(([error]) => error) || results[0][1] !== 1) return undefined;
      return cells.flatMap(({ region }, i) =>
        Object.entries(results[i + 1][1] as Record<string, string>).map(([field, doc]) => {
          const separator = field.indexOf(':');
          const { value, asOf } = JSON.parse(doc) as { value: number; asOf: string };
          return {
            indicator,
            level,
            region,
            dims,
            measure: field.slice(0, separator) as Measure,
            period: field.slice(separator + 1),
            value,
            updatedAt: new Date(asOf),
          };
        }),
      );
    } catch {
      return undefined; // Redis is a cache: PostgreSQL answers instead
    }
  }
}
