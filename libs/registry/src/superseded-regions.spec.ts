import { ANKANG_SUPERSEDED_REGIONS, currentRegionCode, supersededMap } from './superseded-regions';

describe('superseded region codes', () => {
  const map = supersededMap(ANKANG_SUPERSEDED_REGIONS);

  it('maps 旬阳县 610928 to 旬阳市 610981', () => {
    expect(currentRegionCode('610928', map)).toBe('610981');
  });

  it('leaves current codes alone', () => {
    expect(currentRegionCode('610981', map)).toBe('610981');
    expect(currentRegionCode('610921', map)).toBe('610921');
  });

  it('follows chains of changes', () => {
    const chain = new Map([
      ['100001', '100002'],
      ['100002', '100003'],
    ]);
    expect(currentRegionCode('100001', chain)).toBe('100003');
  });

  it('refuses a cycle instead of looping', () => {
    const cycle = new Map([
      ['100001', '100002'],
      ['100002', '100001'],
    ]);
    expect(() => currentRegionCode('100001', cycle)).toThrow(/cycle/);
  });
});
