import { ApiError } from '@lib/platform';
import { findIndicator, formatDims, IndicatorDefinition, REGION_LEVELS, RegionLevel } from '@lib/indicators';
import { isPeriodId, parsePeriod } from '@lib/periods';

/** Query parameters that are not dimensions. */
const RESERVED = new Set(['period', 'region', 'level', 'from', 'to', 'format', 'token']);

export function indicatorOrThrow(code: string): IndicatorDefinition {
  const def = findIndicator(code);
  if (!def) throw new ApiError('unknown_indicator', `No indicator ${code}; GET /v1/indicators lists them`);
  return def;
}

/** A DHIS2 period id (`2024`, `2024Q1`, `202403`, `20240315`) at a granularity the indicator is read at. */
export function periodOrThrow(def: IndicatorDefinition, value: unknown, name = 'period'): string {
  if (typeof value !== 'string' || !isPeriodId(value)) {
    throw new ApiError('invalid_period', `${name} must be a period id like 2024, 2024Q1, 202403 or 20240315`);
  }
  if (!def.periods.includes(parsePeriod(value).granularity)) {
    throw new ApiError('unsupported_period', `${def.code} is read at ${def.periods.join(', ')} periods`);
  }
  return value;
}

export function levelOrThrow(def: IndicatorDefinition, value: unknown): RegionLevel | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !(REGION_LEVELS as readonly string[]).includes(value)) {
    throw new ApiError('invalid_level', `level must be one of ${REGION_LEVELS.join(', ')}`);
  }
  if (!def.levels.includes(value as RegionLevel)) {
    throw new ApiError('unsupported_level', `${def.code} is read at ${def.levels.join(', ')} level`);
  }
  return value as RegionLevel;
}

/** Disaggregated indicators take every dimension as a parameter (`vaccine=HepB&dose=3&cohort=2023`). */
export function dimsOrThrow(def: IndicatorDefinition, query: Record<string, unknown>): string {
  const given = Object.keys(query).filter((key) => !RESERVED.has(key));
  const unknown = given.filter((key) => !def.dimensions.includes(key));
  if (unknown.length > 0) {
    throw new ApiError('unknown_parameter', `Unknown parameter(s) ${unknown.join(', ')}; ${def.code} has dimensions [${def.dimensions.join(', ')}]`);
  }
  const missing = def.dimensions.filter((dim) => typeof query[dim] !== 'string' || query[dim] === '');
  if (missing.length > 0) {
    throw new ApiError('missing_dimension', `${def.code} needs ${missing.join(', ')}`);
  }
  const values = Object.fromEntries(def.dimensions.map((dim) => [dim, String(query[dim])]));
  for (const [dim, value] of Object.entries(values)) {
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(value)) throw new ApiError('invalid_dimension', `${dim} has an invalid value`);
  }
  return formatDims(values);
}

/** The region asked about, or the token's own region when none is given. */
export function regionOrScope(value: unknown, scope: string): string {
  if (value === undefined) return scope;
  if (typeof value !== 'string' || !/^[A-Za-z0-9._-]{1,64}$/.test(value)) {
    throw new ApiError('invalid_region', 'region must be a 6-digit region code or an institution id');
  }
  return value;
}
