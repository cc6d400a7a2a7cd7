import { ankangDemo } from './ankang-demo';
import { checkInstitutionRegistration } from './institution-registration';
import { RegionDirectory } from './region-directory';

describe('institution registration', () => {
  const demo = ankangDemo();
  const regions = new RegionDirectory(demo.regions, demo.superseded);

  it('defaults the level from the type', () => {
    const r = checkInstitutionRegistration({ id: '610921-THC-099', name: ' 汉阴县测试卫生院 ', county: '610921', type: 'township_health_center' }, regions);
    expect(r).toEqual({
      ok: true,
      institution: { id: '610921-THC-099', name: '汉阴县测试卫生院', county: '610921', type: 'township_health_center', level: 2, active: true },
    });
  });

  it('keeps an explicit level and maps a superseded county', () => {
    const r = checkInstitutionRegistration({ id: 'X1', name: 'x', county: '610928', type: 'county_hospital', level: 4, active: false }, regions);
    expect(r.ok && r.institution).toMatchObject({ county: '610981', level: 4, active: false });
  });

  it('lets out-of-network institutions sit at a province, but no one else', () => {
    expect(checkInstitutionRegistration({ id: 'OON-420000', name: 'x', county: '420000', type: 'out_of_network' }, regions).ok).toBe(true);
    const r = checkInstitutionRegistration({ id: 'X2', name: 'x', county: '610900', type: 'city_hospital' }, regions);
    expect(r.ok ? [] : r.problems.map((p) => p.code)).toEqual(['not_a_county']);
  });

  it('reports every problem at once', () => {
    const r = checkInstitutionRegistration({ id: 'bad id', name: '', county: '999999', type: 'clinic', level: 7, active: 'yes' }, regions);
    expect(r.ok ? [] : r.problems.map((p) => `${p.path}:${p.code}`)).toEqual([
      'id:invalid',
      'name:invalid',
      'type:invalid',
      'level:invalid',
      'active:invalid',
      'county:unknown_region',
    ]);
  });
});
