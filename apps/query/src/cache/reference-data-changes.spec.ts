import { parseReferenceDataChange } from './reference-data-changes';

describe('parseReferenceDataChange', () => {
  it('reads the payloads the triggers send', () => {
    expect(parseReferenceDataChange('{"table":"targets","indicator":"county_visit_rate","year":2026,"dims":""}')).toEqual({
      table: 'targets',
      indicator: 'county_visit_rate',
      year: 2026,
      dims: '',
    });
    expect(parseReferenceDataChange('{"table":"populations","year":2026}')).toEqual({ table: 'populations', year: 2026 });
    // TRUNCATE names the table alone: everything in it changed.
    expect(parseReferenceDataChange('{"table":"targets"}')).toEqual({ table: 'targets', indicator: undefined, year: undefined, dims: undefined });
  });

  it('ignores what is not one of them', () => {
    for (const payload of [undefined, '', 'not json', 'null', '42', '{"table":"alerts"}']) expect(parseReferenceDataChange(payload)).toBeUndefined();
  });
});
