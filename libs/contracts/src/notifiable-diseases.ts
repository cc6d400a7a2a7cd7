/**
 * The national list of notifiable infectious diseases (法定传染病, 《中华人民共和国传染病防治法》 with
 * the National Health Commission's later adjustments: COVID-19 乙类乙管 from 2023-01-08, mpox 乙类
 * from 2023-09-20). One table: the code a report card (`disease_report.disease`) carries, its
 * Chinese and English names, its class, and what the class implies for reporting.
 *
 * Reporting limits follow 《传染病信息报告管理规范（2015年版）》: 甲类 and the 乙类 diseases managed as
 * 甲类 (乙类甲管: SARS, pulmonary anthrax) within 2 hours of diagnosis, every other case within 24 hours.
 */

/** 甲 / 乙 / 丙 as `A` / `B` / `C` (ASCII in codes and URLs; `DISEASE_CLASS_NAMES` gives the characters). */
export const DISEASE_CLASSES = ['A', 'B', 'C'] as const;
export type DiseaseClass = (typeof DISEASE_CLASSES)[number];
export const DISEASE_CLASS_NAMES: Readonly<Record<DiseaseClass, string>> = { A: '甲类', B: '乙类', C: '丙类' };

export interface NotifiableDisease {
  code: string;
  name: string;
  nameEn: string;
  class: DiseaseClass;
  /** 乙类甲管: a class B disease under class A prevention and control measures (and reporting limit). */
  managedAsClassA: boolean;
  /** Hours from diagnosis within which the card must be reported online (网络直报). */
  reportWithinHours: 2 | 24;
}

type Row = [code: string, name: string, nameEn: string, managedAsClassA?: boolean];

const CLASS_A: Row[] = [
  ['plague', '鼠疫', 'Plague'],
  ['cholera', '霍乱', 'Cholera'],
];

const CLASS_B: Row[] = [
  ['sars', '传染性非典型肺炎', 'Severe acute respiratory syndrome (SARS)', true],
  ['hiv_aids', '艾滋病', 'HIV infection and AIDS'],
  ['hepatitis_a', '甲型病毒性肝炎', 'Hepatitis A'],
  ['hepatitis_b', '乙型病毒性肝炎', 'Hepatitis B'],
  ['hepatitis_c', '丙型病毒性肝炎', 'Hepatitis C'],
  ['hepatitis_d', '丁型病毒性肝炎', 'Hepatitis D'],
  ['hepatitis_e', '戊型病毒性肝炎', 'Hepatitis E'],
  ['hepatitis_unspecified', '未分型病毒性肝炎', 'Viral hepatitis, unspecified'],
  ['polio', '脊髓灰质炎', 'Poliomyelitis'],
  ['hpai', '人感染高致病性禽流感', 'Human infection with highly pathogenic avian influenza'],
  ['h7n9', '人感染H7N9禽流感', 'Human infection with avian influenza A(H7N9)'],
  ['measles', '麻疹', 'Measles'],
  ['hfrs', '流行性出血热', 'Haemorrhagic fever with renal syndrome'],
  ['rabies', '狂犬病', 'Rabies'],
  ['japanese_encephalitis', '流行性乙型脑炎', 'Japanese encephalitis'],
  ['dengue', '登革热', 'Dengue'],
  ['pulmonary_anthrax', '肺炭疽', 'Pulmonary anthrax', true],
  ['anthrax', '炭疽（肺炭疽除外）', 'Anthrax (other than pulmonary)'],
  ['dysentery', '细菌性和阿米巴性痢疾', 'Bacillary and amoebic dysentery'],
  ['tuberculosis', '肺结核', 'Pulmonary tuberculosis'],
  ['typhoid_paratyphoid', '伤寒和副伤寒', 'Typhoid and paratyphoid fever'],
  ['meningococcal_meningitis', '流行性脑脊髓膜炎', 'Meningococcal meningitis'],
  ['pertussis', '百日咳', 'Pertussis'],
  ['diphtheria', '白喉', 'Diphtheria'],
  ['neonatal_tetanus', '新生儿破伤风', 'Neonatal tetanus'],
  ['scarlet_fever', '猩红热', 'Scarlet fever'],
  ['brucellosis', '布鲁氏菌病', 'Brucellosis'],
  ['gonorrhoea', '淋病', 'Gonorrhoea'],
  ['syphilis', '梅毒', 'Syphilis'],
  ['leptospirosis', '钩端螺旋体病', 'Leptospirosis'],
  ['schistosomiasis', '血吸虫病', 'Schistosomiasis'],
  ['malaria', '疟疾', 'Malaria'],
  ['covid19', '新型冠状病毒感染', 'COVID-19'],
  ['mpox', '猴痘', 'Mpox'],
];

const CLASS_C: Row[] = [
  ['influenza', '流行性感冒', 'Influenza'],
  ['mumps', '流行性腮腺炎', 'Mumps'],
  ['rubella', '风疹', 'Rubella'],
  ['acute_haemorrhagic_conjunctivitis', '急性出血性结膜炎', 'Acute haemorrhagic conjunctivitis'],
  ['leprosy', '麻风病', 'Leprosy'],
  ['typhus', '流行性和地方性斑疹伤寒', 'Epidemic and endemic typhus'],
  ['kala_azar', '黑热病', 'Visceral leishmaniasis (kala-azar)'],
  ['echinococcosis', '包虫病', 'Echinococcosis'],
  ['filariasis', '丝虫病', 'Lymphatic filariasis'],
  ['infectious_diarrhoea', '其它感染性腹泻病', 'Other infectious diarrhoea (not cholera, dysentery, typhoid or paratyphoid)'],
  ['hfmd', '手足口病', 'Hand, foot and mouth disease'],
];

function disease(diseaseClass: DiseaseClass, [code, name, nameEn, managedAsClassA = false]: Row): NotifiableDisease {
  const urgent = diseaseClass === 'A' || managedAsClassA;
  return Object.freeze({ code, name, nameEn, class: diseaseClass, managedAsClassA, reportWithinHours: urgent ? 2 : 24 });
}

export const NOTIFIABLE_DISEASES: readonly NotifiableDisease[] = Object.freeze([
  ...CLASS_A.map((row) => disease('A', row)),
  ...CLASS_B.map((row) => disease('B', row)),
  ...CLASS_C.map((row) => disease('C', row)),
]);

/** The codes `disease_report.disease` accepts. */
export const DISEASE_CODES: readonly string[] = Object.freeze(NOTIFIABLE_DISEASES.map((d) => d.code));

const BY_CODE = new Map(NOTIFIABLE_DISEASES.map((d) => [d.code, d]));

export function notifiableDisease(code: string): NotifiableDisease | undefined {
  return BY_CODE.get(code);
}

/** Diseases alerted on their first case (fixed threshold of 1): 甲类 and those managed as 甲类. */
export function isClassAManaged(code: string): boolean {
  const found = BY_CODE.get(code);
  return found !== undefined && (found.class === 'A' || found.managedAsClassA);
}
