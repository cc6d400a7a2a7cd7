/**
 * The overview's columns, in the order a bureau reads them: 分级诊疗 (where residents are treated),
 * then 公共卫生 (chronic disease management, family doctors), then 中医药 and services delivered.
 */
const KEY_INDICATORS = [
  'county_visit_rate', // 县域就诊率
  'county_inpatient_rate', // 县域内住院率
  'primary_care_visit_share', // 基层就诊率
  'referral_completion_rate', // 转诊完成率
  'hypertension_standard_management_rate', // 高血压患者规范管理率
  'diabetes_standard_management_rate', // 糖尿病患者规范管理率
  'family_doctor_coverage', // 家庭医生签约服务覆盖率
  'tcm_prescription_share', // 中医药处方占比
  'home_visits', // 上门服务人次
];

/** An institution's columns: what it controls itself first (中医药, services), then referrals and costs. */
const INSTITUTION_INDICATORS = [
  'tcm_prescription_share', // 中医药处方占比
  'tcm_nondrug_share', // 中医非药物疗法比例
  'home_visits', // 上门服务人次
  'referral_completion_rate', // 转诊完成率
  'referrals_down', // 下转人次
  'referrals_up', // 上转人次
];

/** The level a region's grid rows are at: a city shows its counties, a county its institutions. */
export const CHILD_LEVEL = { province: 'city', city: 'county', county: 'institution' };

/**
 * The grid's columns for rows at `level`: the key indicators for regions; for institutions every
 * indicator the catalogue reads per institution. Disaggregated indicators (vaccine × dose) need a
 * choice of dimension and stay out of the overview.
 */
export function columnsFor(catalogue, level) {
  const readable = catalogue.filter((def) => def.levels.includes(level) && def.dimensions.length === 0);
  const inOrder = (codes) => codes.map((code) => readable.find((def) => def.code === code)).filter(Boolean);
  if (level !== 'institution') return inOrder(KEY_INDICATORS);
  // Every indicator read per institution, the listed ones first: a new catalogue entry shows up unlisted.
  const first = inOrder(INSTITUTION_INDICATORS);
  return [...first, ...readable.filter((def) => !first.includes(def))];
}

/** Care levels of institutions (CONTRACT.md), for the institution filter: 1–2 is primary care (基层). */
export const CARE_FILTERS = [
  { id: 'all', label: '全部机构 All', test: () => true },
  { id: 'hospital', label: '医院 Hospitals', test: (level) => level >= 3 },
  { id: 'township', label: '卫生院·社区中心 Centres', test: (level) => level === 2 },
  { id: 'village', label: '村卫生室·社区站 Clinics', test: (level) => level === 1 },
];
