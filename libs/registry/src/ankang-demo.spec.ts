import { ankangDemo } from './ankang-demo';
import { DEFAULT_CARE_LEVEL } from './care-level';
import { isInstitutionId, parseConventionalInstitutionId } from './institution-id';
import { checkInstitutionRegistration } from './institution-registration';
import { isPopulationGroup } from './population-group';
import { isRegionCode, structuralParent } from './region-code';
import { RegionDirectory } from './region-directory';

const ANKANG_COUNTY_CODES = ['610902', '610921', '610922', '610923', '610924', '610925', '610926', '610927', '610929', '610981'];

describe('Ankang demo data set', () => {
  const demo = ankangDemo();
  const regions = new RegionDirectory(demo.regions, demo.superseded);
  const counties = regions.descendantsAt('610900', 'county');
  const inCounty = (code: string) => demo.institutions.filter((i) => i.county === code);
  const ofType = (code: string, type: string) => inCounty(code).filter((i) => i.type === type);

  it('is deterministic', () => {
    expect(ankangDemo()).toEqual(demo);
  });

  it('has 安康市 with its ten counties in 陕西省, and 旬阳县 mapped to 旬阳市', () => {
    expect(regions.get('610900')).toMatchObject({ name: '安康市', level: 'city', parentCode: '610000' });
    expect(counties.map((c) => c.code).sort()).toEqual(ANKANG_COUNTY_CODES);
    expect(regions.resolve('610928')?.name).toBe('旬阳市');
    expect(regions.has('610928')).toBe(false);
  });

  it('lists parents before children, with parents matching the code shape', () => {
    const seen = new Set<string>();
    for (const r of demo.regions) {
      expect(isRegionCode(r.code)).toBe(true);
      expect(r.parentCode).toBe(structuralParent(r.code));
      if (r.parentCode) expect(seen.has(r.parentCode)).toBe(true);
      seen.add(r.code);
    }
  });

  it('has unique, well-formed ids whose region part is the institution county', () => {
    const ids = demo.institutions.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const i of demo.institutions) {
      expect(isInstitutionId(i.id)).toBe(true);
      expect(i.id).toMatch(/^(\d{6}-(VC|CHS|THC|CHC|CH|TCM|MCH|CITY|PROV)-\d{3}|OON-\d{6})$/);
      expect(parseConventionalInstitutionId(i.id)).toMatchObject({ region: i.county, type: i.type });
    }
  });

  it('passes registration checks: known counties, default levels, names', () => {
    for (const i of demo.institutions) {
      expect(checkInstitutionRegistration(i, regions)).toEqual({ ok: true, institution: i });
      expect(i.level).toBe(DEFAULT_CARE_LEVEL[i.type]);
    }
    expect(new Set(demo.institutions.map((i) => i.name)).size).toBe(demo.institutions.length);
  });

  it.each(ANKANG_COUNTY_CODES)('county %s has a full county network', (code) => {
    expect(ofType(code, 'county_hospital').length).toBeGreaterThanOrEqual(1);
    expect(ofType(code, 'county_tcm_hospital')).toHaveLength(1);
    expect(ofType(code, 'county_mch_hospital')).toHaveLength(1);
    expect(ofType(code, 'community_health_center').length).toBeGreaterThanOrEqual(1);
    const townships = ofType(code, 'township_health_center');
    expect(townships.length).toBeGreaterThanOrEqual(5);
    expect(townships.length).toBeLessThanOrEqual(25);
    expect(ofType(code, 'village_clinic').length).toBeGreaterThanOrEqual(townships.length * 8);
    expect(ofType(code, 'village_clinic').length).toBeLessThanOrEqual(townships.length * 15);
  });

  it('places the city hospitals in 汉滨区 and 陕西省人民医院 in 碑林区, 西安市', () => {
    expect(ofType('610902', 'city_hospital').map((i) => i.name)).toEqual(expect.arrayContaining(['安康市中心医院', '安康市中医医院', '安康市人民医院']));
    expect(demo.institutions.filter((i) => i.type === 'provincial_hospital')).toEqual([
      { id: '610103-PROV-001', name: '陕西省人民医院', county: '610103', type: 'provincial_hospital', level: 5, active: true },
    ]);
    expect(regions.ancestorsOf('610103').map((r) => r.code)).toEqual(['610100', '610000']);
  });

  it('has one out-of-network institution per mainland province, outside every county', () => {
    const oon = demo.institutions.filter((i) => i.type === 'out_of_network');
    expect(oon).toHaveLength(31);
    for (const i of oon) {
      expect(i.id).toBe(`OON-${i.county}`);
      expect(regions.get(i.county)?.level).toBe('province');
    }
    expect(oon.map((i) => i.id)).toEqual(expect.arrayContaining(['OON-610000', 'OON-420000', 'OON-500000']));
  });

  describe('populations', () => {
    const total = (year: number, group: string) => demo.populations.filter((p) => p.year === year && p.group === group).reduce((s, p) => s + p.count, 0);

    it('covers every county, year 2024–2026 and group once', () => {
      const keys = demo.populations.map((p) => `${p.region}/${p.year}/${p.group}`);
      expect(new Set(keys).size).toBe(keys.length);
      for (const p of demo.populations) {
        expect(ANKANG_COUNTY_CODES).toContain(p.region);
        expect([2024, 2025, 2026]).toContain(p.year);
        expect(isPopulationGroup(p.group)).toBe(true);
        expect(Number.isInteger(p.count) && p.count > 0).toBe(true);
      }
      for (const code of ANKANG_COUNTY_CODES) {
        for (const year of [2024, 2025, 2026]) {
          const groups = demo.populations.filter((p) => p.region === code && p.year === year).map((p) => p.group);
          expect(groups).toEqual(
            expect.arrayContaining(['residents', 'priority_residents', 'women_35_64', 'age_65_plus', 'live_births', `birth_cohort:${year - 1}`]),
          );
        }
      }
    });

    it('adds up to a plausible 安康', () => {
      expect(total(2024, 'residents')).toBeGreaterThan(2_300_000);
      expect(total(2024, 'residents')).toBeLessThan(2_700_000);
      const hanbin = demo.populations.find((p) => p.region === '610902' && p.year === 2024 && p.group === 'residents');
      expect(hanbin!.count).toBeGreaterThan(800_000);
      expect(total(2024, 'women_35_64') / total(2024, 'residents')).toBeCloseTo(0.22, 2);
      expect(total(2024, 'age_65_plus') / total(2024, 'residents')).toBeGreaterThan(0.12);
      expect(total(2024, 'priority_residents')).toBeGreaterThan(total(2024, 'age_65_plus'));
      expect(total(2024, 'priority_residents') / total(2024, 'residents')).toBeLessThan(0.5);
      const birthRate = total(2024, 'live_births') / total(2024, 'residents');
      expect(birthRate).toBeGreaterThan(0.005);
      expect(birthRate).toBeLessThan(0.012);
    });

    it('shrinks and ages year on year, and keeps cohorts near their births', () => {
      expect(total(2026, 'residents')).toBeLessThan(total(2024, 'residents'));
      expect(total(2026, 'age_65_plus')).toBeGreaterThan(total(2024, 'age_65_plus'));
      expect(total(2025, 'birth_cohort:2024')).toBeLessThanOrEqual(total(2024, 'live_births'));
      expect(total(2025, 'birth_cohort:2024')).toBeGreaterThan(total(2024, 'live_births') * 0.95);
    });
  });
});
