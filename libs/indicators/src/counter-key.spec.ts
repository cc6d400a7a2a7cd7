import { CounterKey, counterCellKey, counterStorageKey, counterStorageKeyInCell } from './counter-key';

describe('counter keys', () => {
  const key: CounterKey = { indicator: 'county_visit_rate', measure: 'numerator', level: 'county', region: '610921', period: '202611', dims: '' };

  it('begins a counter’s storage key with its cell’s key', () => {
    expect(counterStorageKey(key).startsWith(`${counterCellKey(key)}\u0000`)).toBe(true);
    const sameCell: CounterKey = { ...key, measure: 'denominator', period: '2026' };
    expect(counterCellKey(sameCell)).toBe(counterCellKey(key));
    expect(counterStorageKeyInCell(counterCellKey(key), key.measure, key.period)).toBe(counterStorageKey(key));
  });

  it('tells apart counters that differ in any one field, or whose fields split differently', () => {
    const variants: CounterKey[] = [
      key,
      { ...key, indicator: 'county_inpatient_rate' },
      { ...key, measure: 'denominator' },
      { ...key, level: 'city' },
      { ...key, region: '610902' },
      { ...key, period: '2026' },
      { ...key, dims: 'cohort=2023' },
      { ...key, region: '6109', dims: '21' },
    ];
    expect(new Set(variants.map(counterStorageKey)).size).toBe(variants.length);
  });
});
