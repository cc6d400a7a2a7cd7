import { IndicatorDefinition } from '../indicator.types';
import { CHRONIC_INDICATORS } from './chronic-indicators';
import { FAMILY_DOCTOR_INDICATORS } from './family-doctor-indicators';
import { PREVENTION_INDICATORS } from './prevention-indicators';
import { REFERRAL_INDICATORS } from './referral-indicators';
import { SERVICE_QUALITY_INDICATORS } from './service-quality-indicators';
import { SURVEILLANCE_INDICATORS } from './surveillance-indicators';
import { VISIT_INDICATORS } from './visit-indicators';

/** The v1 indicator catalogue (shared/CONTRACT.md "Indicator codes"). Order is the order bureaus see. */
export const CATALOGUE: readonly IndicatorDefinition[] = [
  ...VISIT_INDICATORS,
  ...REFERRAL_INDICATORS,
  ...PREVENTION_INDICATORS,
  ...FAMILY_DOCTOR_INDICATORS,
  ...CHRONIC_INDICATORS,
  ...SERVICE_QUALITY_INDICATORS,
  ...SURVEILLANCE_INDICATORS,
];

const BY_CODE = new Map(CATALOGUE.map((d) => [d.code, d]));

export function findIndicator(code: string, catalogue: readonly IndicatorDefinition[] = CATALOGUE): IndicatorDefinition | undefined {
  return catalogue === CATALOGUE ? BY_CODE.get(code) : catalogue.find((d) => d.code === code);
}
