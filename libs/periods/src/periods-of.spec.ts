import fc from 'fast-check';
import { periodsOf } from './periods-of';
import { parsePeriod } from './period-id';

describe('periodsOf', () => {
  it('puts 2023-12-31T16:00:00Z in 2024 (CST) whatever the offset', () => {
    expect(periodsOf('2023-12-31T16:00:00Z')).toEqual({ day: '20240101', week: '2024W01', month: '202401', quarter: '2024Q1', year: '2024' });
    expect(periodsOf('2024-01-01T00:00:00+08:00')).toEqual(periodsOf('2023-12-31T16:00:00Z'));
    expect(periodsOf('2023-12-31T15:59:59Z')).toEqual({ day: '20231231', week: '2023W52', month: '202312', quarter: '2023Q4', year: '2023' });
  });

  it('cuts quarters at CST midnight', () => {
    expect(periodsOf('2024-03-31T23:59:59+08:00').quarter).toBe('2024Q1');
    expect(periodsOf('2024-03-31T16:00:00Z').quarter).toBe('2024Q2');
    expect(periodsOf('2024-06-30T16:00:00Z').quarter).toBe('2024Q3');
    expect(periodsOf('2024-09-30T15:59:59Z').quarter).toBe('2024Q3');
  });

  it('puts the leap day in February', () => {
    expect(periodsOf('2024-02-29T12:00:00+08:00')).toEqual({ day: '20240229', week: '2024W09', month: '202402', quarter: '2024Q1', year: '2024' });
  });

  it('property: every period returned contains the instant, and they nest', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const ps = periodsOf(d);
        for (const id of [ps.day, ps.week, ps.month, ps.quarter, ps.year]) {
          const p = parsePeriod(id);
          expect(p.start.getTime()).toBeLessThanOrEqual(d.getTime());
          expect(d.getTime()).toBeLessThan(p.end.getTime());
        }
        expect(ps.day.startsWith(ps.month)).toBe(true);
        expect(ps.month.startsWith(ps.year)).toBe(true);
      }),
    );
  });
});
