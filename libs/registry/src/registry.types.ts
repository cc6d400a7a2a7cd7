import type { CareLevel, InstitutionFacts, InstitutionType } from '@lib/contracts';

/** Levels of GB/T 2260 administrative divisions that this system reads indicators at. */
export const REGION_LEVELS = ['province', 'city', 'county'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** A registered region (row of `regions`). `parentCode` is stored, not derived, so odd cases stay explicit. */
export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  /** `null` only for provinces. */
  parentCode: string | null;
}

/** An old code that older systems still send, and the current code it now means (row of `superseded_regions`). */
export interface SupersededRegion {
  oldCode: string;
  currentCode: string;
  /** The name under the old code, for people reading the table. */
  oldName?: string;
  /** Year the change took effect; informational only, the mapping applies to events of any date. */
  since?: number;
}

/** A registered institution (row of `institutions`): the contract's facts plus what people read. */
export interface Institution extends InstitutionFacts {
  name: string;
  active: boolean;
}

/** An institution API key as issued: the secret is shown this once (only its SHA-256 is stored). */
export interface IssuedApiKey {
  id: string;
  institutionId: string;
  key: string;
}

/** A bureau token as issued: the secret is shown this once (only its SHA-256 is stored). */
export interface IssuedBureauToken {
  id: string;
  region: string;
  token: string;
}

export type { CareLevel, InstitutionFacts, InstitutionType };
