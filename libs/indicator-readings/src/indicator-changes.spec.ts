import { IndicatorChangeMessage, parseIndicatorChanges } from './indicator-changes';

const raw = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));

describe('parseIndicatorChanges', () => {
  it('expands a cell message into one change per period', () => {
    const message: IndicatorChangeMessage = {
      indicator: 'county_visit_rate',
      level: 'county',
      region: '610921',
      dims: '',
      periods: { '20261123': { numerator: 1 }, '202611': { numerator: 3, denominator: 4 } },
      asOf: '2026-11-23T01:00:00.000Z',
    };
    // Period order is not part of the message (JSON objects with numeric-looking keys reorder them).
    expect(parseIndicatorChanges(raw(message)).sort((a, b) => b.period.localeCompare(a.period))).toEqual([
      {
        indicator: 'county_visit_rate',
        level: 'county',
        region: '610921',
        period: '20261123',
        dims: '',
        values: { numerator: 1 },
        asOf: '2026-11-23T01:00:00.000Z',
      },
      {
        indicator: 'county_visit_rate',
        level: 'county',
        region: '610921',
        period: '202611',
        dims: '',
        values: { numerator: 3, denominator: 4 },
        asOf: '2026-11-23T01:00:00.000Z',
      },
    ]);
  });

  it('gives nothing for malformed messages and skips periods that are not period ids', () => {
    expect(parseIndicatorChanges(null)).toEqual([]);
    expect(parseIndicatorChanges(raw('{not json'))).toEqual([]);
    expect(parseIndicatorChanges(raw({ indicator: 'x', level: 'planet', region: 'r', periods: { '2026': {} } }))).toEqual([]);
    expect(parseIndicatorChanges(raw({ indicator: 'x', level: 'county', region: 'r', periods: null }))).toEqual([]);
    expect(
      parseIndicatorChanges(raw({ indicator: 'x', level: 'county', region: 'r', periods: { soon: { value: 1 }, '2026': { value: 2 } } })).map((c) => c.period),
    ).toEqual(['2026']);
  });
});
