import { HttpException, HttpStatus } from '@nestjs/common';
import { ankangDemo, RegionDirectory } from '@lib/registry';
import type { RegistrySnapshot } from '@lib/registry-store';
import { MAX_SERIES_PERIODS, seriesKey, seriesRequest, valuesKey, valuesRequest } from './read-request';

describe('computed-read requests and their cache keys', () => {
  const demo = ankangDemo();
  const institutions = new Map(demo.institutions.map((i) => [i.id, i]));
  const registry = {
    regions: new RegionDirectory(demo.regions, demo.superseded),
    institution: (id: string) => institutions.get(id),
    institutionsIn: (county: string) => demo.institutions.filter((i) => i.county === county),
  } as unknown as RegistrySnapshot;
  const key = (scope: string, query: Record<string, unknown>, code = 'county_visit_rate') => valuesKey(valuesRequest(registry, scope, code, query));

  it('gives one key to one question however it is spelled', () => {
    const city = key('610900', { period: '2026', region: '610900', level: 'city' });
    expect(key('610900', { period: '2026' })).toBe(city); // region: the token's own; level: the region's own
    expect(key('610900', { period: '2026', region: '610900', format: 'csv', token: 'hbt_x' })).toBe(city);
    // 旬阳县's old code is read as 旬阳市's.
    expect(key('610900', { period: '2026', region: '610928' })).toBe(key('610900', { period: '2026', region: '610981' }));
    const coverage = (query: Record<string, unknown>) => key('610921', { period: '2026', ...query }, 'vaccination_coverage');
    expect(coverage({ vaccine: 'HepB', dose: '3', cohort: '2025' })).toBe(coverage({ cohort: '2025', dose: '3', vaccine: 'HepB' }));
  });

  it('tells different questions apart', () => {
    const base = { period: '2026', region: '610921' };
    const keys = [
      key('610921', base),
      key('610921', { ...base, period: '202611' }),
      key('610921', { ...base, level: 'institution' }, 'tcm_prescription_share'),
      key('610921', base, 'tcm_prescription_share'),
      key('610921', base, 'county_inpatient_rate'),
      key('610921', { period: '2026', region: '610921', vaccine: 'HepB', dose: '3', cohort: '2025' }, 'vaccination_coverage'),
      key('610921', { period: '2026', region: '610921', vaccine: 'HepB', dose: '2', cohort: '2025' }, 'vaccination_coverage'),
      seriesKey(seriesRequest(registry, '610921', 'county_visit_rate', { region: '610921', from: '2026', to: '2026' })),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keys by the bureau too: the same region asked by the city and by its county are two answers', () => {
    expect(key('610900', { period: '2026', region: '610921' })).not.toBe(key('610921', { period: '2026', region: '610921' }));
  });

  it('checks the scope before any key exists', () => {
    const refusalOf = (read: () => unknown) => {
      try {
        read();
      } catch (error) {
        return { status: (error as HttpException).getStatus(), code: (error as { code?: string }).code };
      }
    };
    const forbidden = { status: HttpStatus.FORBIDDEN, code: 'out_of_scope' };
    expect(refusalOf(() => valuesRequest(registry, '610902', 'county_visit_rate', { period: '2026', region: '610921' }))).toEqual(forbidden);
    expect(refusalOf(() => seriesRequest(registry, '610902', 'county_visit_rate', { region: '610921-THC-001', from: '202601', to: '202611' }))).toEqual(
      forbidden,
    );
  });

  it('defaults a ranking to counties, sharing the values answer at that level', () => {
    const ranking = valuesRequest(registry, '610900', 'county_visit_rate', { period: '2026' }, 'county');
    expect(valuesKey(ranking)).toBe(key('610900', { period: '2026', level: 'county' }));
  });

  it('refuses a series longer than MAX_SERIES_PERIODS before any key exists (range_too_long)', () => {
    const series = (from: string, to: string) => seriesRequest(registry, '610921', 'county_visit_rate', { region: '610921', from, to });
    expect(MAX_SERIES_PERIODS).toBe(400);
    expect(series('199001', '202304').to).toBe('202304'); // 400 months
    const refusal = (() => {
      try {
        series('199001', '202305'); // 401 months
      } catch (error) {
        return error;
      }
    })();
    expect((refusal as HttpException).getStatus()).toBe(HttpStatus.BAD_REQUEST);
    expect((refusal as HttpException).getResponse()).toMatchObject({ code: 'range_too_long' });
  });
});
