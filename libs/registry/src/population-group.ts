/**
 * Population groups bureaus upload per region and year (`PUT /v1/populations`), the denominators of
 * the population-based indicators: `residents` (家庭医生签约覆盖率), `priority_residents` (重点人群签约
 * 覆盖率: residents in any family-doctor priority group — 65+, hypertension, diabetes, severe mental
 * disorder, low-income), `women_35_64` (两癌筛查), `age_65_plus`, `live_births` (新生儿疾病筛查率) and
 * `birth_cohort:<year>` (免疫规划接种率, children born in that year who live in the region).
 * Keep the list in step with the `populations.grp` check (migrations 100 and 250).
 */
export const FIXED_POPULATION_GROUPS = ['residents', 'priority_residents', 'women_35_64', 'age_65_plus', 'live_births'] as const;
export type FixedPopulationGroup = (typeof FIXED_POPULATION_GROUPS)[number];
export type BirthCohortGroup = `birth_cohort:${number}`;
export type PopulationGroup = FixedPopulationGroup | BirthCohortGroup;

/** One uploaded figure (row of `populations`; the column is `grp` because `group` is reserved in SQL). */
export interface PopulationRow {
  region: string;
  year: number;
  group: PopulationGroup;
  count: number;
}

const BIRTH_COHORT = /^birth_cohort:(\d{4})$/;

export function birthCohortGroup(birthYear: number): BirthCohortGroup {
  return `birth_cohort:${birthYear}`;
}

/** The birth year of a `birth_cohort:<year>` group, or `null` for other groups. */
export function birthCohortYear(group: string): number | null {
  const m = BIRTH_COHORT.exec(group);
  return m ? Number(m[1]) : null;
}

export function isPopulationGroup(value: unknown): value is PopulationGroup {
  return typeof value === 'string' && ((FIXED_POPULATION_GROUPS as readonly string[]).includes(value) || BIRTH_COHORT.test(value));
}
