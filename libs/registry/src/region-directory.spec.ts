import { ankangDemo } from './ankang-demo';
import { RegionDirectory } from './region-directory';
import type { Region } from './registry.types';

describe('RegionDirectory', () => {
  const demo = ankangDemo();
  const dir = new RegionDirectory(demo.regions, demo.superseded);

  it('resolves current and superseded codes, and nothing else', () => {
    expect(dir.resolve('610921')?.name).toBe('汉阴县');
    expect(dir.resolve('610928')?.code).toBe('610981');
    expect(dir.isSuperseded('610928')).toBe(true);
    expect(dir.isSuperseded('610981')).toBe(false);
    expect(dir.resolve('610999')).toBeUndefined();
  });

  it('walks stored ancestors nearest first', () => {
    expect(dir.ancestorsOf('610921').map((r) => r.code)).toEqual(['610900', '610000']);
    expect(dir.parentOf('610103')?.code).toBe('610100');
    expect(dir.ancestorsOf('999999')).toEqual([]);
  });

  it('scopes bureaus to their subtree, old codes included', () => {
    expect(dir.isWithin('610921', '610900')).toBe(true);
    expect(dir.isWithin('610928', '610900')).toBe(true);
    expect(dir.isWithin('610928', '610981')).toBe(true);
    expect(dir.isWithin('610103', '610900')).toBe(false);
    expect(dir.isWithin('610103', '610000')).toBe(true);
    expect(dir.isWithin('610900', '610921')).toBe(false);
    expect(dir.isWithin('610921', '999999')).toBe(false);
  });

  it('drills down to the counties of a city or province', () => {
    expect(dir.childrenOf('610900')).toHaveLength(10);
    expect(dir.descendantsAt('610900', 'county')).toHaveLength(10);
    expect(dir.descendantsAt('610000', 'county').map((r) => r.code)).toContain('610103');
    expect(
      dir
        .descendantsAt('610000', 'city')
        .map((r) => r.code)
        .sort(),
    ).toEqual(['610100', '610900']);
    expect(dir.descendantsAt('610921', 'county').map((r) => r.code)).toEqual(['610921']);
  });

  it('honours a stored parent that differs from the code shape', () => {
    const regions: Region[] = [
      { code: '420000', name: '湖北省', level: 'province', parentCode: null },
      { code: '429004', name: '仙桃市', level: 'county', parentCode: '420000' },
    ];
    const hubei = new RegionDirectory(regions);
    expect(hubei.ancestorsOf('429004').map((r) => r.code)).toEqual(['420000']);
    expect(hubei.isWithin('429004', '420000')).toBe(true);
  });

  it('rejects inconsistent data at construction', () => {
    const province: Region = { code: '610000', name: '陕西省', level: 'province', parentCode: null };
    const county: Region = { code: '610921', name: '汉阴县', level: 'county', parentCode: '610900' };
    expect(() => new RegionDirectory([province, county])).toThrow(/unregistered parent/);
    expect(() => new RegionDirectory([province, province])).toThrow(/twice/);
    expect(() => new RegionDirectory([province], [{ oldCode: '610928', currentCode: '610981' }])).toThrow(/unregistered/);
    expect(() => new RegionDirectory([province], [{ oldCode: '610000', currentCode: '610000' }])).toThrow();
    expect(() => new RegionDirectory([{ ...province, code: '61000' }])).toThrow(/malformed/);
  });
});
