-- Up Migration

-- 重点人群家庭医生签约覆盖率 (family_doctor_priority_coverage) divides by the population group
-- `priority_residents`: residents in any family-doctor priority group (65+, hypertension, diabetes,
-- severe mental disorder, low-income). libs/registry population-group.ts lists the same groups.
ALTER TABLE populations DROP CONSTRAINT populations_grp_check;
ALTER TABLE populations ADD CONSTRAINT populations_grp_check CHECK (
  grp IN ('residents', 'priority_residents', 'women_35_64', 'age_65_plus', 'live_births')
  OR grp ~ '^birth_cohort:[0-9]{4}$');

-- Down Migration

DELETE FROM populations WHERE grp = 'priority_residents';
ALTER TABLE populations DROP CONSTRAINT populations_grp_check;
ALTER TABLE populations ADD CONSTRAINT populations_grp_check CHECK (
  grp IN ('residents', 'women_35_64', 'age_65_plus', 'live_births')
  OR grp ~ '^birth_cohort:[0-9]{4}$');
