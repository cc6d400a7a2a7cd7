import type { IndicatorDefinition } from '@lib/indicators';
import { isInProgress, parsePeriod } from '@lib/periods';

const POPULATION_SYSTEM = 'http://terminology.hl7.org/CodeSystem/measure-population';
const SCORING_SYSTEM = 'http://terminology.hl7.org/CodeSystem/measure-scoring';
const IMPROVEMENT_SYSTEM = 'http://terminology.hl7.org/CodeSystem/measure-improvement-notation';
/** GB/T 2260 administrative division codes; institutions are identified by their registry id. */
export const REGION_SYSTEM = 'urn:gb-t-2260';
export const INSTITUTION_SYSTEM = 'urn:health-indicators:institution';

export interface FhirValue {
  region: string;
  name: string;
  isInstitution: boolean;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  asOf: string | null;
}

export function measureUrl(baseUrl: string, code: string): string {
  return `${baseUrl}/fhir/Measure/${code}`;
}

/** An indicator as a FHIR R4 Measure: what it counts, how it is scored, which direction is better. */
export function toMeasure(def: IndicatorDefinition, baseUrl: string) {
  const proportion = def.read.kind === 'rate' && def.unit === 'percent';
  const scoring = def.read.kind === 'count' ? 'cohort' : def.read.kind === 'mean_growth' ? 'continuous-variable' : proportion ? 'proportion' : 'ratio';
  return {
    resourceType: 'Measure',
    id: def.code.replace(/_/g, '-'),
    url: measureUrl(baseUrl, def.code),
    name: def.code,
    title: def.name,
    subtitle: def.nameEn,
    status: 'active',
    description: def.definition,
    scoring: { coding: [{ system: SCORING_SYSTEM, code: scoring }] },
    ...(def.higherIsBetter === null
      ? {}
      : { improvementNotation: { coding: [{ system: IMPROVEMENT_SYSTEM, code: def.higherIsBetter ? 'increase' : 'decrease' }] } }),
    group: [
      {
        population: (def.read.kind === 'rate' ? ['numerator', 'denominator'] : def.read.kind === 'count' ? ['initial-population'] : ['measure-population']).map(
          // The counting rules live in the catalogue, not in a published CQL library; R4 requires an
          // expression in one of its languages, so the criterion names the catalogue rule as a CQL identifier.
          (code) => ({
            code: { coding: [{ system: POPULATION_SYSTEM, code }] },
            criteria: { language: 'text/cql', expression: `"${def.code}"."${code}"`, description: `${code} of ${def.nameEn}; see the Measure description` },
          }),
        ),
      },
    ],
  };
}

/** One value as a FHIR R4 MeasureReport (summary) for a region or institution and a period. */
export function toMeasureReport(def: IndicatorDefinition, baseUrl: string, period: string, value: FhirValue, now = new Date()) {
  const p = parsePeriod(period);
  const counts = def.read.kind === 'rate' && Number.isInteger(value.numerator) && Number.isInteger(value.denominator);
  return {
    resourceType: 'MeasureReport',
    id: `${def.code}-${value.region}-${period}`.replace(/_/g, '-').slice(0, 64),
    status: isInProgress(period, now) ? 'pending' : 'complete',
    type: 'summary',
    measure: measureUrl(baseUrl, def.code),
    subject: {
      identifier: { system: value.isInstitution ? INSTITUTION_SYSTEM : REGION_SYSTEM, value: value.region },
      display: value.name,
    },
    ...(value.asOf ? { date: value.asOf } : {}),
    period: { start: isoDay(p.firstDay), end: isoDay(p.lastDay) },
    group: [
      {
        ...(counts
          ? {
              population: [
                { code: { coding: [{ system: POPULATION_SYSTEM, code: 'numerator' }] }, count: value.numerator },
                { code: { coding: [{ system: POPULATION_SYSTEM, code: 'denominator' }] }, count: value.denominator },
              ],
            }
          : {}),
        ...(value.value === null ? {} : { measureScore: { value: value.value } }),
      },
    ],
  };
}

export function toBundle(resources: object[]) {
  return { resourceType: 'Bundle', type: 'collection', entry: resources.map((resource) => ({ resource })) };
}

function isoDay(day: string): string {
  return `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`;
}
