import type { CounterValue } from '../counting/counter-delta';
import { inWholeCells } from './live-counters.cache';

const value = (region: string, measure: 'numerator' | 'denominator', period: string): CounterValue => ({
  indicator: 'county_visit_rate',
  measure,
  level: 'county',
  region,
  period,
  dims: '',
  value: 1,
  revision: 1,
  asOf: '2026-11-30T00:00:00.000Z',
});

describe('inWholeCells', () => {
  it('never splits a cell across groups, gathering its values wherever they stand', () => {
    const values = [value('610921', 'numerator', '202611'), value('610922', 'numerator', '202611'), value('610921', 'denominator', '202611')];
    expect(inWholeCells(values, 2).map((group) => group.map((v) => `${v.region} ${v.measure}`))).toEqual([
      ['610921 numerator', '610921 denominator'],
      ['610922 numerator'],
    ]);
  });

  it('fills groups up to the size with whole cells, and gives a larger cell a group of its own', () => {
    const cell = (region: string, n: number) => Array.from({ length: n }, (_, i) => value(region, 'numerator', `2026${String(i + 1).padStart(2, '0')}`));
    const groups = inWholeCells([...cell('610921', 2), ...cell('610922', 2), ...cell('610923', 5), ...cell('610924', 1)], 4);
    expect(groups.map((group) => group.length)).toEqual([4, 5, 1]);
    expect(inWholeCells([], 4)).toEqual([]);
  });
});
