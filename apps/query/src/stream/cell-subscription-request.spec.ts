import { HttpException, HttpStatus } from '@nestjs/common';
import { ankangDemo, RegionDirectory } from '@lib/registry';
import type { RegistrySnapshot } from '@lib/registry-store';
import { valuesKey } from '../values/read-request';
import { MAX_SUBSCRIBED_REQUESTS, subscribedRequests } from './cell-subscription-request';

describe('the stream’s cells parameter', () => {
  const demo = ankangDemo();
  const institutions = new Map(demo.institutions.map((i) => [i.id, i]));
  const registry = {
    regions: new RegionDirectory(demo.regions, demo.superseded),
    institution: (id: string) => institutions.get(id),
    institutionsIn: (county: string) => demo.institutions.filter((i) => i.county === county),
  } as unknown as RegistrySnapshot;
  const parse = (scope: string, cells: unknown) => subscribedRequests(registry, scope, typeof cells === 'string' ? cells : JSON.stringify(cells));

  it('reads each entry as the values API reads its parameters (one question, one key)', () => {
    const [a, b] = parse('610900', [
      { indicator: 'county_visit_rate', period: '2026', region: '610900', level: 'county' },
      { indicator: 'vaccination_coverage', period: '2026', region: '610921', dose: '3', vaccine: 'HepB', cohort: '2025' },
    ]);
    expect([a.def.code, a.region, a.level, a.period, a.scope]).toEqual(['county_visit_rate', '610900', 'county', '2026', '610900']);
    expect(b.dims).toBe(
      parse('610900', [{ indicator: 'vaccination_coverage', period: '2026', region: '610921', vaccine: 'HepB', cohort: '2025', dose: '3' }])[0].dims,
    );
    expect(valuesKey(parse('610900', [{ indicator: 'county_visit_rate', period: '2026' }])[0])).toBe(valuesKey(a).replace('"county"', '"city"'));
  });

  const refusal = (scope: string, cells: unknown) => {
    try {
      parse(scope, cells);
    } catch (error) {
      return { status: (error as HttpException).getStatus(), code: ((error as HttpException).getResponse() as { code: string }).code };
    }
    return undefined;
  };

  it('refuses cells outside the token’s region', () => {
    const forbidden = { status: HttpStatus.FORBIDDEN, code: 'out_of_scope' };
    expect(refusal('610921', [{ indicator: 'county_visit_rate', period: '2026', region: '610902' }])).toEqual(forbidden);
    expect(refusal('610921', [{ indicator: 'county_visit_rate', period: '2026', region: '610900', level: 'county' }])).toEqual(forbidden);
  });

  it('refuses what is not a list of values requests', () => {
    const tooMany = Array.from({ length: MAX_SUBSCRIBED_REQUESTS + 1 }, () => ({ indicator: 'county_visit_rate', period: '2026' }));
    for (const bad of [
      '{',
      '{}',
      [],
      tooMany,
      [1],
      [{ period: '2026' }],
      [{ indicator: 'county_visit_rate', period: 2026 }],
      [{ indicator: 'county_visit_rate', period: '2026', format: 'csv' }],
    ]) {
      expect(refusal('610900', bad)).toMatchObject({ status: HttpStatus.BAD_REQUEST });
    }
  });
});
