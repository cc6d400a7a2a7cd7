import type { InstitutionLookup, RegionLookup } from '@lib/contracts';
import type { RegionDirectory } from './region-directory';
import type { Institution } from './registry.types';

/** The registry in the shape the event validator asks it questions (ingest, benchmarks, tests). */
export function validationLookups(institutions: ReadonlyMap<string, Institution>, regions: RegionDirectory) {
  return {
    institution: (id: string): InstitutionLookup | undefined => {
      const institution = institutions.get(id);
      if (!institution) return undefined;
      const { name: _name, active, ...facts } = institution;
      return { facts, active };
    },
    region: (code: string): RegionLookup | undefined => {
      const region = regions.resolve(code);
      return region ? { current: region.code } : undefined;
    },
  };
}
