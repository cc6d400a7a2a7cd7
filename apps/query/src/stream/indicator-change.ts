/** One message of `health.indicator-changes.v1` (published by the aggregator after each commit). */
export interface IndicatorChange {
  indicator: string;
  level: 'institution' | 'county' | 'city' | 'province';
  region: string;
  period: string;
  dims: string;
  values: Record<string, number>;
  asOf: string;
}

export function parseIndicatorChange(raw: Buffer | null): IndicatorChange | undefined {
  if (!raw) return undefined;
  try {
    const change = JSON.parse(raw.toString('utf8')) as IndicatorChange;
    return typeof change.indicator === 'string' && typeof change.region === 'string' && typeof change.period === 'string' ? change : undefined;
  } catch {
    return undefined;
  }
}
