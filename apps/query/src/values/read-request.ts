import { ApiError } from '@lib/platform';
import type { IndicatorDefinition, RegionLevel } from '@lib/indicators';
import { comparePeriods, granularityOf, shiftPeriod } from '@lib/periods';
import type { RegistrySnapshot } from '@lib/registry-store';
import { regionInScope } from '../auth/scope';
import { dimsOrThrow, indicatorOrThrow, levelOrThrow, periodOrThrow, regionOrScope } from './cell-query';
import { levelOf } from './regions-at-level';

/**
 * A request for values (or a ranking) validated and normalised: asked in any spelling (region left
 * out or given, a superseded code, the default level or the same level named, dimensions in any
 * order, any format), one question gives one request — and one cache key. The scope check happens
 * here, before any cached answer is looked at.
 */
export interface ValuesRequest {
  def: IndicatorDefinition;
  /** The bureau's region (its token's scope). */
  scope: string;
  /** In scope: a current region code or an institution id. */
  region: string;
  /** The level of the rows (drill-down); the region's own level by default. */
  level: RegionLevel;
  period: string;
  dims: string;
}

/** A series request: one region at its own level, periods `from`..`to` of one granularity. */
export interface SeriesRequest {
  def: IndicatorDefinition;
  scope: string;
  region: string;
  level: RegionLevel;
  from: string;
  to: string;
  dims: string;
}

/** Longest series answered: 400 months is 33 years, 400 days 13 months. */
export const MAX_SERIES_PERIODS = 400;

type Query = Record<string, unknown>;

export function valuesRequest(registry: RegistrySnapshot, scope: string, code: string, query: Query, defaultLevel?: RegionLevel): ValuesRequest {
  const def = indicatorOrThrow(code);
  const period = periodOrThrow(def, query.period);
  const dims = dimsOrThrow(def, query);
  const asked = regionOrScope(query.region, scope);
  const level = levelOrThrow(def, query.level) ?? defaultLevel;
  const region = regionInScope(registry, asked, scope);
  return { def, scope, region, level: level ?? levelOf(registry, region), period, dims };
}

export function seriesRequest(registry: RegistrySnapshot, scope: string, code: string, query: Query): SeriesRequest {
  const def = indicatorOrThrow(code);
  const from = periodOrThrow(def, query.from, 'from');
  const to = periodOrThrow(def, query.to, 'to');
  if (granularityOf(from) !== granularityOf(to) || comparePeriods(from, to) > 0) {
    throw new ApiError('invalid_range', 'from and to must be periods of one granularity, from ≤ to');
  }
  if (comparePeriods(to, shiftPeriod(from, MAX_SERIES_PERIODS - 1)) > 0) {
    throw new ApiError('range_too_long', `A series has at most ${MAX_SERIES_PERIODS} periods`);
  }
  const dims = dimsOrThrow(def, query);
  const region = regionInScope(registry, regionOrScope(query.region, scope), scope);
  return { def, scope, region, level: levelOf(registry, region), from, to, dims };
}

/** The cache key of a request: every field that can change the answer, the bureau's scope included. */
export function valuesKey(request: ValuesRequest): string {
  return JSON.stringify(['values', request.def.code, request.scope, request.region, request.level, request.period, request.dims]);
}

export function seriesKey(request: SeriesRequest): string {
  return JSON.stringify(['series', request.def.code, request.scope, request.region, request.level, request.from, request.to, request.dims]);
}
