import { GRANULARITIES } from '@lib/periods';
import { IndicatorDefinition, Measure, MeasureRead, REGION_LEVELS, RegionLevel } from '../indicator.types';

const BASE_LEVEL: Record<IndicatorDefinition['attribution'], RegionLevel> = {
  residence_county: 'county',
  institution_county: 'county',
  institution: 'institution',
  referral_from_institution: 'institution',
};

function storedMeasures(def: IndicatorDefinition): Measure[] {
  const c = def.counting;
  if (c.kind === 'registered_with_followups') return ['numerator', 'denominator'];
  return Object.keys(c.measures) as Measure[];
}

function readMeasures(def: IndicatorDefinition): MeasureRead[] {
  const r = def.read;
  if (r.kind === 'count') return [r.value];
  if (r.kind === 'count_growth') return [{ measure: r.value, accumulate: 'period' }];
  if (r.kind === 'mean_growth')
    return [
      { measure: r.sum, accumulate: 'period' },
      { measure: r.count, accumulate: 'period' },
    ];
  return 'measure' in r.denominator ? [r.numerator, r.denominator] : [r.numerator];
}

/**
 * Consistency checks a catalogue must pass (run by the unit tests and worth running at boot if
 * definitions ever come from configuration). Returns human-readable problems; empty means valid.
 */
export function validateCatalogue(catalogue: readonly IndicatorDefinition[]): string[] {
  const problems: string[] = [];
  const codes = new Set<string>();
  const subjectFacts = new Map<string, string>();
  for (const def of catalogue) {
    const at = `${def.code}:`;
    if (!/^[a-z][a-z0-9_]*$/.test(def.code)) problems.push(`${at} code must be snake_case`);
    if (codes.has(def.code)) problems.push(`${at} duplicate code`);
    codes.add(def.code);
    if (!def.name || !def.nameEn || !def.definition) problems.push(`${at} name, nameEn and definition are required`);
    if (def.periods.length === 0 || def.periods.some((g) => !GRANULARITIES.includes(g))) problems.push(`${at} bad periods`);
    if (!(def.minDenominator >= 0)) problems.push(`${at} minDenominator must be a number ≥ 0`);
    // Roll-up writes every level above the base, so the readable levels are exactly base..province.
    const base = REGION_LEVELS.indexOf(BASE_LEVEL[def.attribution]);
    const expected = REGION_LEVELS.slice(base);
    if (def.levels.length !== expected.length || expected.some((l) => !def.levels.includes(l))) {
      problems.push(`${at} levels must be ${expected.join(',')} for attribution ${def.attribution}`);
    }
    // Subjects sharing a prefix share an event set in the store, so they must be identified the same way.
    const facts = def.counting.subject.by.join(',');
    const seen = subjectFacts.get(def.counting.subject.prefix);
    if (seen !== undefined && seen !== facts) problems.push(`${at} subject prefix ${def.counting.subject.prefix} is identified by ${seen} elsewhere`);
    subjectFacts.set(def.counting.subject.prefix, facts);
    if (!/^[a-z][a-z0-9_]*$/.test(def.counting.subject.prefix)) problems.push(`${at} subject prefix must be lower-case letters, digits and _`);
    if (def.dimensions.some((d) => /[;=]/.test(d))) problems.push(`${at} dimension names may not contain ; or =`);

    const stored = storedMeasures(def);
    for (const r of readMeasures(def)) {
      if (!stored.includes(r.measure)) problems.push(`${at} reads measure ${r.measure} that is never stored`);
    }
    if (def.read.kind === 'rate' && !('measure' in def.read.denominator)) {
      for (const [, name] of def.read.denominator.population.matchAll(/\{([^}]+)\}/g)) {
        if (!def.dimensions.includes(name)) problems.push(`${at} population placeholder {${name}} is not a dimension`);
      }
    }
    if ((def.read.kind === 'count') !== (def.unit === 'count')) problems.push(`${at} count indicators (and only they) have unit count`);
  }
  return problems;
}
