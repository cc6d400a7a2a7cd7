import { ApiError } from '@lib/platform';
import type { RegionLevel } from '@lib/indicators';
import type { RegistrySnapshot } from '@lib/registry-store';

export interface NamedRegion {
  region: string;
  name: string;
}

const RANK: Record<RegionLevel, number> = { institution: 0, county: 1, city: 2, province: 3 };

/** The level a region id is at: an institution id, or a GB/T 2260 code's own level. */
export function levelOf(registry: RegistrySnapshot, region: string): RegionLevel {
  return registry.institution(region) ? 'institution' : (registry.regions.get(region)?.level ?? 'county');
}

/**
 * Drill-down: the regions at `level` under `region` (a city's counties, a county's institutions),
 * or the region itself when `level` is its own.
 */
export function regionsAtLevel(registry: RegistrySnapshot, region: string, level: RegionLevel): NamedRegion[] {
  const own = levelOf(registry, region);
  if (RANK[level] > RANK[own]) {
    throw new ApiError('level_above_region', `level ${level} is above ${region} (a ${own})`);
  }
  if (level === own) return [{ region, name: nameOf(registry, region) }];
  if (level === 'institution') {
    return registry.regions
      .descendantsAt(region, 'county')
      .flatMap((county) => registry.institutionsIn(county.code))
      .map((institution) => ({ region: institution.id, name: institution.name }));
  }
  return registry.regions.descendantsAt(region, level).map((r) => ({ region: r.code, name: r.name }));
}

export function nameOf(registry: RegistrySnapshot, region: string): string {
  return registry.institution(region)?.name ?? registry.regions.get(region)?.name ?? region;
}
