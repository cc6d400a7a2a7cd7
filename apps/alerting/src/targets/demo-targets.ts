import type { Target } from '@lib/targets';

export type DemoTarget = Target & { source: string };

/**
 * Targets of the source documents (seeds/), as data: default targets for every county in `year`.
 * Tolerances make the yellow band; the minimum number of cases to judge is each indicator's default
 * (hundreds of visits, tens of admissions or patients), so small numbers raise no alarms.
 */
export function demoTargets(year: number): DemoTarget[] {
  const county = (indicator: string, rule: Target['rule'], tolerance: number, source: string, dims = ''): DemoTarget => ({
    indicator,
    scope: 'default:county',
    year,
    dims,
    rule,
    tolerance,
    minDenominator: null,
    source,
  });
  const atLeast = (value: number) => ({ kind: 'threshold' as const, comparator: '>=' as const, value });
  const atMost = (value: number) => ({ kind: 'threshold' as const, comparator: '<=' as const, value });
  // Standard management counts a patient at the year's 4th (quarterly) follow-up: none is due before October.
  const managed80 = { ...atLeast(0.8), monthlyWeights: [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1] };
  // Coverage of last year's birth cohort with the last dose of the main programme vaccines.
  const vaccines = [
    ['HepB', 3],
    ['DTaP', 3],
    ['MMR', 1],
  ] as const;
  return [
    ...vaccines.map(([vaccine, dose]) =>
      county('vaccination_coverage', atLeast(0.95), 0.02, '疫苗接种率保持在95%以上 (000)', `cohort=${year - 1};dose=${dose};vaccine=${vaccine}`),
    ),
    county('hypertension_standard_management_rate', managed80, 0.05, '高血压患者规范管理率保持在80%以上 (003)'),
    county('diabetes_standard_management_rate', managed80, 0.05, '糖尿病患者规范管理率保持在80%以上 (003)'),
    county('county_visit_rate', atLeast(0.9), 0.02, '县域就诊率 90% (国家分级诊疗目标)'),
    county('outpatient_cost_growth', atMost(0.05), 0.01, '门诊次均医疗费用增长幅度控制在5%以内 (003)'),
    county('inpatient_cost_growth', atMost(0.05), 0.01, '住院次均医疗费用增长幅度控制在5%以内 (003)'),
    county('tcm_prescription_share', atLeast(0.3), 0.03, '中医药处方比例稳定在30%以上 (004)'),
    county('tcm_nondrug_share', atLeast(0.05), 0.01, '中医非药物疗法比例稳定在5%以上 (004)'),
    county('county_inpatient_rate', { kind: 'change', comparator: '>=', unit: 'pp', delta: 0.01 }, 0.005, '县域内住院率再提升1-2个百分点 (003)'),
    county('primary_care_visit_share', atLeast(0.65), 0.03, '基层诊疗量占比 ≥ 65% (002)'),
  ];
}
