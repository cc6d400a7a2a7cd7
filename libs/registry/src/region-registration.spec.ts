import { checkRegionRegistrations, checkSupersededRegistrations, regionFromRegistration } from './region-registration';
import { RegionDirectory } from './region-directory';
import type { Region } from './registry.types';

const SHAANXI: Region = { code: '610000', name: '陕西省', level: 'province', parentCode: null };
const ANKANG: Region = { code: '610900', name: '安康市', level: 'city', parentCode: '610000' };
const XUNYANG: Region = { code: '610981', name: '旬阳市', level: 'county', parentCode: '610900' };
const registered = new RegionDirectory([SHAANXI, ANKANG, XUNYANG]);

describe('region registration', () => {
  it.each([
    ['610000', 'province', null],
    ['610900', 'city', '610000'],
    ['610921', 'county', '610900'],
    ['429004', 'county', '420000'], // 省直辖县级: no city above it
  ])('derives %s as a %s under %s', (code, level, parentCode) => {
    expect(regionFromRegistration({ code, name: ' 某地 ' })).toEqual({ region: { code, name: '某地', level, parentCode }, problems: [] });
  });

  it('keeps an explicit parent above the region', () => {
    expect(regionFromRegistration({ code: '610921', name: '汉阴县', parentCode: '610000' }).region?.parentCode).toBe('610000');
  });

  it.each([
    [{ code: '61092', name: 'x' }, 'code', 'invalid'],
    [{ code: '610921', name: '' }, 'name', 'invalid'],
    [{ code: '610921', name: 'x', level: 'city' }, 'level', 'level_mismatch'],
    [{ code: '610000', name: 'x', parentCode: '610900' }, 'parentCode', 'invalid'],
    [{ code: '610900', name: 'x', parentCode: '610921' }, 'parentCode', 'invalid'],
  ])('rejects %j at %s', (input, path, code) => {
    expect(regionFromRegistration(input, 3).problems).toEqual([expect.objectContaining({ index: 3, path, code })]);
  });

  it('accepts a batch whose parents are registered or come in the same batch', () => {
    const check = checkRegionRegistrations(
      [
        { code: '610103', name: '碑林区' },
        { code: '610100', name: '西安市' },
        { code: '610921', name: '汉阴县' },
      ],
      registered,
      [],
    );
    expect(check.ok && check.regions.map((r) => r.parentCode)).toEqual(['610100', '610000', '610900']);
  });

  it('rejects an unregistered parent, a duplicate and a code that is superseded', () => {
    const orphan = checkRegionRegistrations([{ code: '420102', name: '江岸区' }], registered, []);
    expect(orphan).toEqual({ ok: false, problems: [expect.objectContaining({ index: 0, path: 'parentCode', code: 'unknown_region' })] });
    const twice = checkRegionRegistrations(
      [
        { code: '610921', name: 'a' },
        { code: '610921', name: 'b' },
      ],
      registered,
      [],
    );
    expect(twice).toEqual({ ok: false, problems: [expect.objectContaining({ index: 1, path: 'code' })] });
    const clash = checkRegionRegistrations([{ code: '610928', name: '旬阳县' }], registered, [{ oldCode: '610928', currentCode: '610981' }]);
    expect(clash).toEqual({ ok: false, problems: [expect.objectContaining({ code: 'registry_conflict' })] });
  });

  it('maps superseded codes to registered ones only, without cycles', () => {
    expect(checkSupersededRegistrations([{ oldCode: '610928', currentCode: '610981', since: 2021 }], registered, [])).toEqual({
      ok: true,
      superseded: [{ oldCode: '610928', currentCode: '610981', since: 2021, oldName: undefined }],
    });
    expect(checkSupersededRegistrations([{ oldCode: '610928', currentCode: '610999' }], registered, [])).toEqual({
      ok: false,
      problems: [expect.objectContaining({ path: 'currentCode', code: 'unknown_region' })],
    });
    expect(checkSupersededRegistrations([{ oldCode: '610900', currentCode: '610981' }], registered, [])).toEqual({
      ok: false,
      problems: [expect.objectContaining({ code: 'registry_conflict' })],
    });
  });
});
