import { IndicatorChangeMessage, parseIndicatorChanges } from './indicator-changes';

const raw = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));

describe('parseIndicatorChanges', () => {
  it('expands a cell message into one change per period, and names the quarter, year and week they move', () => {
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
      // Neither quarter nor year is stored (each is the sum of its months): named without values.
      { indicator: 'county_visit_rate', level: 'county', region: '610921', period: '2026Q4', dims: '', values: {}, asOf: '2026-11-23T01:00:00.000Z' },
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
      { indicator: 'county_visit_rate', level: 'county', region: '610921', period: '2026', dims: '', values: {}, asOf: '2026-11-23T01:00:00.000Z' },
    ]);
    const cases = parseIndicatorChanges(raw({ ...message, indicator: 'disease_cases', periods: { '20261123': { value: 1 } } })).map((c) => c.period);
    expect(cases).toEqual(['20261123', '2026W48']);
    // Stored per period (a person counts once in each): nothing implied.
    const screening = parseIndicatorChanges(raw({ ...message, indicator: 'cervical_screening_coverage', periods: { '202611': { numerator: 1 } } }));
    expect(screening.map((c) => c.period)).toEqual(['202611']);
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
