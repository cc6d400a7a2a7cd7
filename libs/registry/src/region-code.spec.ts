import { isRegionCode, isWithinStructurally, parseRegionCode, provinceOf, regionLevel, structuralAncestors, structuralParent } from './region-code';

describe('region codes (GB/T 2260)', () => {
  it.each([
    ['610000', 'province'],
    ['610900', 'city'],
    ['610902', 'county'],
    ['610981', 'county'],
    ['429004', 'county'],
  ])('%s is a %s', (code, level) => {
    expect(regionLevel(code)).toBe(level);
  });

  it.each(['61090', '6109021', '61090a', '', '000000', '990000', '610001', ' 610902'])('rejects %j', (code) => {
    expect(isRegionCode(code)).toBe(false);
    expect(parseRegionCode(code)).toBeNull();
  });

  it('rejects non-strings and throws where a code is required', () => {
    expect(isRegionCode(610902)).toBe(false);
    expect(isRegionCode(undefined)).toBe(false);
    expect(() => regionLevel('61x902')).toThrow(RangeError);
  });

  it('splits a code into its parts', () => {
    expect(parseRegionCode('610921')).toEqual({ code: '610921', province: '61', city: '09', county: '21', level: 'county' });
  });

  it('gives county → city → province parents', () => {
    expect(structuralParent('610921')).toBe('610900');
    expect(structuralParent('610900')).toBe('610000');
    expect(structuralParent('610000')).toBeNull();
    expect(structuralAncestors('610921')).toEqual(['610900', '610000']);
    expect(structuralAncestors('610000')).toEqual([]);
    expect(provinceOf('610103')).toBe('610000');
  });

  it('puts province-administered counties (PP90DD) straight under the province', () => {
    expect(structuralParent('429004')).toBe('420000'); // 仙桃市
    expect(structuralAncestors('469001')).toEqual(['460000']); // 五指山市
    expect(isWithinStructurally('429004', '420000')).toBe(true);
    expect(isWithinStructurally('429004', '429000')).toBe(false);
  });

  it('scopes a region to its own subtree only', () => {
    expect(isWithinStructurally('610921', '610921')).toBe(true);
    expect(isWithinStructurally('610921', '610900')).toBe(true);
    expect(isWithinStructurally('610921', '610000')).toBe(true);
    expect(isWithinStructurally('610900', '610921')).toBe(false);
    expect(isWithinStructurally('610103', '610900')).toBe(false);
    expect(isWithinStructurally('610922', '610921')).toBe(false);
    expect(isWithinStructurally('420100', '610000')).toBe(false);
  });
});
