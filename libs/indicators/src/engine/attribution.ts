import { IndicatorDefinition, RegionLevel } from '../indicator.types';
import { EventFacts } from './event-facts';
import { formatDims } from './dims';

export interface BaseRegion {
  level: RegionLevel;
  region: string;
  /** The institution's county, for institution-level regions. */
  county?: string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The base-level region an event's counters go to, or null when the event lacks the facts to place it. */
export function baseRegionOf(def: IndicatorDefinition, f: EventFacts): BaseRegion | null {
  switch (def.attribution) {
    case 'residence_county': {
      const region = str(f.residenceCounty);
      return region ? { level: 'county', region } : null;
    }
    case 'institution_county': {
      const region = str(f.institutionCounty);
      return region ? { level: 'county', region } : null;
    }
    case 'institution': {
      const region = str(f.institutionId);
      const county = str(f.institutionCounty);
      return region && county ? { level: 'institution', region, county } : null;
    }
    case 'referral_from_institution': {
      const region = str(f.fromInstitutionId);
      const county = str(f.fromCounty);
      return region && county ? { level: 'institution', region, county } : null;
    }
  }
}

/** The canonical dims string of an event for an indicator, or null when a dimension fact is missing. */
export function dimsOf(def: IndicatorDefinition, f: EventFacts): string | null {
  const dims: Record<string, string | number | boolean> = {};
  for (const d of def.dimensions) {
    const v = f[d];
    if (v === undefined || v === '') return null;
    dims[d] = v;
  }
  return formatDims(dims);
}
