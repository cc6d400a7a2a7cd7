import { createHash } from 'node:crypto';
import { dimsFileSuffix, IndicatorDefinition, parseDims } from '@lib/indicators';
import { parsePeriod } from '@lib/periods';

const POPULATION_SYSTEM = 'http://terminology.hl7.org/CodeSystem/measure-population';
const SCORING_SYSTEM = 'http://terminology.hl7.org/CodeSystem/measure-scoring';
const IMPROVEMENT_SYSTEM = 'http://terminology.hl7.org/CodeSystem/measure-improvement-notation';
/** GB/T 2260 administrative division codes; institutions are identified by their registry id. */
export const REGION_SYSTEM = 'urn:gb-t-2260';
export const INSTITUTION_SYSTEM = 'urn:health-indicators:institution';
/** A disaggregated indicator's dimensions (the catalogue's `dimensions`: vaccine, dose, cohort, result). */
export const DIMENSION_SYSTEM = 'urn:health-indicators:dimension';
/** FHIR ids are [A-Za-z0-9-.]{1,64}. */
const MAX_ID = 64;

export interface FhirValue {
  region: string;
  name: string;
  isInstitution: boolean;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  asOf: string | null;
  /** The cell's dimensions (`cohort=2023;dose=3;vaccine=HepB`), '' when undisaggregated. */
  dims: string;
}

function dimensionCode(dimension: string) {
  return { coding: [{ system: DIMENSION_SYSTEM, code: dimension }], text: dimension };
}

export function measureUrl(baseUrl: string, code: string): string {
  return `${baseUrl}/fhir/Measure/${code}`;
}

/** An indicator as a FHIR R4 Measure: what it counts, how it is scored, which direction is better. */
export function toMeasure(def: IndicatorDefinition, baseUrl: string) {
  const proportion = def.read.kind === 'rate' && def.unit === 'percent';
  const growth = def.read.kind === 'mean_growth' || def.read.kind === 'count_growth';
  const scoring = def.read.kind === 'count' ? 'cohort' : growth ? 'continuous-variable' : proportion ? 'proportion' : 'ratio';
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
        // A disaggregated indicator is reported per selection: one stratum of these components per report.
        ...(def.dimensions.length === 0
          ? {}
          : {
              stratifier: [
                {
                  component: def.dimensions.map((dimension) => ({
                    code: dimensionCode(dimension),
                    criteria: { language: 'text/cql', expression: `"${def.code}"."${dimension}"`, description: `${dimension} of ${def.nameEn}` },
                  })),
                },
              ],
            }),
      },
    ],
  };
}

/**
 * One id per (indicator, subject, period, selection): HepB-1 and DTaP-3 of the same county and year are
 * two reports. Readable when it fits in a FHIR id, else shortened with a digest of the whole.
 */
export function measureReportId(code: string, subject: string, period: string, dims: string): string {
  const id = [code, subject, period, dimsFileSuffix(dims)]
    .filter((part) => part !== '')
    .join('-')
    .replace(/[^A-Za-z0-9-.]/g, '-');
  return id.length <= MAX_ID ? id : `${id.slice(0, MAX_ID - 9)}-${createHash('sha256').update(id).digest('hex').slice(0, 8)}`;
}

/** One value as a FHIR R4 MeasureReport (summary) for a region or institution and a period. */
export function toMeasureReport(def: IndicatorDefinition, baseUrl: string, period: string, value: FhirValue, now = new Date()) {
  const p = parsePeriod(period);
  const counts = def.read.kind === 'rate' && Number.isInteger(value.numerator) && Number.isInteger(value.denominator);
  return {
    resourceType: 'MeasureReport',
    id: measureReportId(def.code, value.region, period, value.dims),
    // A period not yet ended (in progress, or not begun) may still change: pending, never complete.
    status: p.end.getTime() > now.getTime() ? 'pending' : 'complete',
    type: 'summary',
    measure: measureUrl(baseUrl, def.code),
    subject: {
      identifier: { system: value.isInstitution ? INSTITUTION_SYSTEM : REGION_SYSTEM, value: value.region },
      display: value.name,
    },
    ...(value.asOf ? { date: value.asOf } : {}),
    period: { start: isoDay(p.firstDay), end: isoDay(p.lastDay) },
    ...groupOf(def, value, counts),
  };
}

/** The report's group, left out when it would say nothing (no counts, no score, no selection): FHIR has no empty elements. */
function groupOf(def: IndicatorDefinition, value: FhirValue, counts: boolean) {
  const group = { ...scoreOf(value, counts), ...(value.dims === '' ? {} : { stratifier: [stratifierOf(def, value, counts)] }) };
  return Object.keys(group).length === 0 ? {} : { group: [group] };
}

/** The report's one stratum: the selection's dimension values, with the same counts and score as the group. */
function stratifierOf(def: IndicatorDefinition, value: FhirValue, counts: boolean) {
  const selected = parseDims(value.dims);
  return {
    code: def.dimensions.map(dimensionCode),
    stratum: [
      {
        component: def.dimensions
          .filter((d) => selected[d] !== undefined)
          .map((dimension) => ({ code: dimensionCode(dimension), value: { text: selected[dimension] } })),
        ...scoreOf(value, counts),
      },
    ],
  };
}

/** Numerator and denominator counts (for a rate of whole counts) and the score, as a group or a stratum carries them. */
function scoreOf(value: FhirValue, counts: boolean) {
  return {
    ...(counts
      ? {
          population: [
            { code: { coding: [{ system: POPULATION_SYSTEM, code: 'numerator' }] }, count: value.numerator },
            { code: { coding: [{ system: POPULATION_SYSTEM, code: 'denominator' }] }, count: value.denominator },
          ],
        }
      : {}),
    ...(value.value === null ? {} : { measureScore: { value: value.value } }),
  };
}

export function toBundle(resources: object[]) {
  return { resourceType: 'Bundle', type: 'collection', entry: resources.map((resource) => ({ resource })) };
}

function isoDay(day: string): string {
  return `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`;
}
