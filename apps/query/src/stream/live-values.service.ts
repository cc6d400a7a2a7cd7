import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { bufferTime, concatMap, filter, from, map, Observable, share } from 'rxjs';
import { findIndicator, RegionLevel } from '@lib/indicators';
import { granularityOf } from '@lib/periods';
import { RegistrySnapshot } from '@lib/registry-store';
import { IndicatorChange, IndicatorReadings } from '@lib/indicator-readings';
import type { QueryEnvironment } from '../query.environment';
import { IndicatorChangeFeed } from './indicator-change-feed';

export interface LiveValue {
  indicator: string;
  level: RegionLevel;
  region: string;
  period: string;
  dims: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  asOf: string | null;
}

/**
 * Changed cells with their new values: changes are gathered for STREAM_COALESCE_MS, deduplicated, and read
 * with the catalogue's rules (one query per indicator, level, dims and granularity), once for all
 * subscribers. Nothing is read while nobody listens.
 */
@Injectable()
export class LiveValues {
  readonly values$: Observable<LiveValue>;

  constructor(
    feed: IndicatorChangeFeed,
    private readonly readings: IndicatorReadings,
    private readonly registry: RegistrySnapshot,
    config: ConfigService<QueryEnvironment, true>,
  ) {
    this.values$ = feed.changes.pipe(
      bufferTime(config.get('STREAM_COALESCE_MS', { infer: true })),
      map((batches) => batches.flat()),
      filter((changes) => changes.length > 0),
      concatMap((changes) => from(this.readChanged(changes))),
      concatMap((values) => from(values)),
      share(),
    );
  }

  /** Whether a value's region lies in a bureau's scope (institutions by their county). */
  inScope(value: LiveValue, scope: string): boolean {
    const county = value.level === 'institution' ? this.registry.institution(value.region)?.county : value.region;
    return county !== undefined && this.registry.regions.isWithin(county, scope);
  }

  private async readChanged(changes: IndicatorChange[]): Promise<LiveValue[]> {
    const groups = new Map<string, { change: IndicatorChange; regions: Set<string>; periods: Set<string> }>();
    for (const change of changes) {
      const key = [change.indicator, change.level, change.dims, granularityOf(change.period)].join('|');
      const group = groups.get(key) ?? { change, regions: new Set<string>(), periods: new Set<string>() };
      group.regions.add(change.region);
      group.periods.add(change.period);
      groups.set(key, group);
    }
    const values: LiveValue[] = [];
    for (const { change, regions, periods } of groups.values()) {
      const def = findIndicator(change.indicator);
      if (!def) continue;
      const cells = await this.readings.read(def, change.level, [...regions], [...periods], change.dims);
      const changed = new Set(changes.map((c) => `${c.indicator}|${c.level}|${c.dims}|${c.region}|${c.period}`));
      for (const cell of cells) {
        if (!changed.has(`${def.code}|${change.level}|${change.dims}|${cell.region}|${cell.period}`)) continue;
        values.push({
          indicator: def.code,
          level: change.level,
          region: cell.region,
          period: cell.period,
          dims: change.dims,
          ...cell.reading,
          asOf: cell.asOf,
        });
      }
    }
    return values;
  }
}
