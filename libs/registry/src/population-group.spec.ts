import { birthCohortGroup, birthCohortYear, isPopulationGroup } from './population-group';

describe('population groups', () => {
  it.each(['residents', 'priority_residents', 'women_35_64', 'age_65_plus', 'live_births', 'birth_cohort:2023'])('accepts %s', (g) => {
    expect(isPopulationGroup(g)).toBe(true);
  });

  it.each(['women', 'birth_cohort:23', 'birth_cohort:', 'birth_cohort:2023x', '', 3])('rejects %j', (g) => {
    expect(isPopulationGroup(g)).toBe(false);
  });

  it('builds and reads birth cohorts', () => {
    expect(birthCohortGroup(2024)).toBe('birth_cohort:2024');
    expect(birthCohortYear('birth_cohort:2024')).toBe(2024);
    expect(birthCohortYear('residents')).toBeNull();
  });
});
