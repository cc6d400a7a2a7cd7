import { isPeriodId, parsePeriod, periodEnd, periodOfDay, periodStart, tryParsePeriod } from './period-id';
import { PeriodError } from './period.types';

describe('parsePeriod', () => {
  it('parses a year', () => {
    const p = parsePeriod('2024');
    expect(p).toMatchObject({ id: '2024', granularity: 'year', year: 2024, firstDay: '20240101', lastDay: '20241231' });
    expect(p.start.toISOString()).toBe('2023-12-31T16:00:00.000Z');
    expect(p.end.toISOString()).toBe('2024-12-31T16:00:00.000Z');
  });

  it.each([
    ['2024Q1', '20240101', '20240331'],
    ['2024Q2', '20240401', '20240630'],
    ['2024Q3', '20240701', '20240930'],
    ['2024Q4', '20241001', '20241231'],
  ])('parses quarter %s as %s..%s', (id, first, last) => {
    expect(parsePeriod(id)).toMatchObject({ granularity: 'quarter', firstDay: first, lastDay: last });
  });

  it('parses months with their quarter and length', () => {
    expect(parsePeriod('202402')).toMatchObject({ granularity: 'month', year: 2024, month: 2, quarter: 1, lastDay: '20240229' });
    expect(parsePeriod('202302')).toMatchObject({ lastDay: '20230228' });
    expect(parsePeriod('202412')).toMatchObject({ quarter: 4, lastDay: '20241231' });
    expect(periodEnd('202412').toISOString()).toBe('2024-12-31T16:00:00.000Z');
  });

  it('parses days, including 29 February of a leap year', () => {
    expect(parsePeriod('20240229')).toMatchObject({ granularity: 'day', month: 2, day: 29, quarter: 1 });
    expect(periodStart('20240315').toISOString()).toBe('2024-03-14T16:00:00.000Z');
    expect(periodEnd('20240315').toISOString()).toBe('2024-03-15T16:00:00.000Z');
  });

  it.each(['', '24', '2024Q0', '2024Q5', '2024q1', '202400', '202413', '20230229', '20240431', '20240100', '2024-03', '2024W1', '2024W54', '0000', ' 2024'])(
    'rejects %p',
    (bad) => {
      expect(() => parsePeriod(bad)).toThrow(PeriodError);
      expect(tryParsePeriod(bad)).toBeNull();
      expect(isPeriodId(bad)).toBe(false);
    },
  );

  it('maps a day to each granularity', () => {
    expect(['day', 'month', 'quarter', 'year'].map((g) => periodOfDay('20240331', g as never))).toEqual(['20240331', '202403', '2024Q1', '2024']);
    expect(periodOfDay('20240401', 'quarter')).toBe('2024Q2');
    expect(periodOfDay('20241001', 'quarter')).toBe('2024Q4');
  });
});
