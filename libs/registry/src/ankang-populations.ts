import { ANKANG_COUNTIES, type AnkangCountySeed } from './ankang-counties.data';
import { birthCohortGroup, type PopulationRow } from './population-group';

/**
 * Demo denominators per county and year, projected from about-2020 residents with the trends a
 * bureau analyst would recognise in 安康: a slowly shrinking, ageing population and falling births.
 * Only counties get rows: a city's or province's denominator is the sum of its counties' (a rate
 * at a higher level is Σ numerators / Σ denominators), so uploading both would double count.
 */

/** Net population change per year (out-migration exceeds natural change). */
const RESIDENT_CHANGE_PER_YEAR = -0.005;
/** Women aged 35–64 as a share of residents (两癌筛查 target population). */
const WOMEN_35_64_SHARE = 0.22;
/** The 65+ share rises by about half a point a year. */
const ELDERLY_SHARE_RISE_PER_YEAR = 0.005;
/**
 * Residents under 65 in a family-doctor priority group (hypertension, diabetes, severe mental
 * disorder, low-income 脱贫/低收入), net of overlaps; with everyone 65+ they make `priority_residents`.
 * About a seventh of the population in rural 陕南, where hypertension and former poverty are common.
 */
const PRIORITY_UNDER_65_SHARE = 0.14;
/** Crude birth rate per 1000 residents by year, following the national fall after 2017. */
const BIRTHS_PER_1000: Readonly<Record<number, number>> = {
  2017: 11.5,
  2018: 10.6,
  2019: 10.0,
  2020: 8.6,
  2021: 7.9,
  2022: 7.4,
  2023: 7.1,
  2024: 6.9,
  2025: 6.7,
  2026: 6.5,
};
/** Share of a birth cohort lost each year of age to moving away (and, rarely, death). */
const COHORT_LOSS_PER_YEAR = 0.012;
/** The national immunisation schedule runs to age 6, so that many past cohorts are uploaded. */
const COHORT_AGES = 6;

export const DEMO_POPULATION_YEARS: readonly number[] = [2024, 2025, 2026];

function residents(c: AnkangCountySeed, year: number): number {
  return Math.round(c.residents2020 * (1 + RESIDENT_CHANGE_PER_YEAR) ** (year - 2020));
}

function elderly(c: AnkangCountySeed, year: number): number {
  return Math.round(residents(c, year) * (c.elderlyShare2024 + ELDERLY_SHARE_RISE_PER_YEAR * (year - 2024)));
}

function births(c: AnkangCountySeed, year: number): number {
  const rate = BIRTHS_PER_1000[year];
  if (rate === undefined) throw new RangeError(`no demo birth rate for ${year}`);
  return Math.round((residents(c, year) * rate) / 1000);
}

function countyRows(c: AnkangCountySeed, year: number): PopulationRow[] {
  const region = c.code;
  const rows: PopulationRow[] = [
    { region, year, group: 'residents', count: residents(c, year) },
    { region, year, group: 'women_35_64', count: Math.round(residents(c, year) * WOMEN_35_64_SHARE) },
    { region, year, group: 'priority_residents', count: elderly(c, year) + Math.round(residents(c, year) * PRIORITY_UNDER_65_SHARE) },
    { region, year, group: 'age_65_plus', count: elderly(c, year) },
    { region, year, group: 'live_births', count: births(c, year) },
  ];
  for (let age = 0; age <= COHORT_AGES; age++) {
    const born = year - age;
    rows.push({ region, year, group: birthCohortGroup(born), count: Math.round(births(c, born) * (1 - COHORT_LOSS_PER_YEAR * age)) });
  }
  return rows;
}

export function ankangPopulations(years: readonly number[] = DEMO_POPULATION_YEARS): PopulationRow[] {
  return years.flatMap((year) => ANKANG_COUNTIES.flatMap((c) => countyRows(c, year)));
}
