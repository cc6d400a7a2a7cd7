import type { VaccineCode } from '@lib/contracts';

/**
 * The national immunisation programme schedule (国家免疫规划疫苗儿童免疫程序, 2021 edition), by the
 * age in days at which each dose falls due. Children in the feed get their doses in this order,
 * a little after they fall due.
 */
export interface ScheduledDose {
  vaccine: VaccineCode;
  dose: number;
  ageDays: number;
}

const MONTH = 30;
const YEAR = 365;

export const IMMUNISATION_SCHEDULE: readonly ScheduledDose[] = [
  { vaccine: 'HepB', dose: 1, ageDays: 0 }, // 乙肝 at birth, within 24 h
  { vaccine: 'BCG', dose: 1, ageDays: 0 }, // 卡介苗 at birth
  { vaccine: 'HepB', dose: 2, ageDays: 1 * MONTH },
  { vaccine: 'IPV', dose: 1, ageDays: 2 * MONTH }, // 脊灰灭活
  { vaccine: 'IPV', dose: 2, ageDays: 3 * MONTH },
  { vaccine: 'DTaP', dose: 1, ageDays: 3 * MONTH }, // 百白破
  { vaccine: 'bOPV', dose: 1, ageDays: 4 * MONTH }, // 脊灰减毒
  { vaccine: 'DTaP', dose: 2, ageDays: 4 * MONTH },
  { vaccine: 'DTaP', dose: 3, ageDays: 5 * MONTH },
  { vaccine: 'HepB', dose: 3, ageDays: 6 * MONTH },
  { vaccine: 'MPSV-A', dose: 1, ageDays: 6 * MONTH }, // A群流脑
  { vaccine: 'MMR', dose: 1, ageDays: 8 * MONTH }, // 麻腮风
  { vaccine: 'JE-L', dose: 1, ageDays: 8 * MONTH }, // 乙脑减毒
  { vaccine: 'MPSV-A', dose: 2, ageDays: 9 * MONTH },
  { vaccine: 'DTaP', dose: 4, ageDays: 18 * MONTH },
  { vaccine: 'MMR', dose: 2, ageDays: 18 * MONTH },
  { vaccine: 'HepA-L', dose: 1, ageDays: 18 * MONTH }, // 甲肝减毒
  { vaccine: 'JE-L', dose: 2, ageDays: 2 * YEAR },
  { vaccine: 'MPSV-AC', dose: 1, ageDays: 3 * YEAR }, // A群C群流脑
  { vaccine: 'bOPV', dose: 2, ageDays: 4 * YEAR },
  { vaccine: 'MPSV-AC', dose: 2, ageDays: 6 * YEAR },
  { vaccine: 'DT', dose: 1, ageDays: 6 * YEAR }, // 白破
];

/** Doses given at birth, by the hospital of birth rather than the township vaccination clinic. */
export const BIRTH_DOSES = IMMUNISATION_SCHEDULE.filter((d) => d.ageDays === 0).length;

/**
 * Where a child of `ageDays` stands in the schedule when the feed starts: every dose due more than
 * a month ago is taken as given (before the feed), so the feed only sends doses falling due now.
 */
export function dosesAlreadyGiven(ageDays: number): number {
  return IMMUNISATION_SCHEDULE.filter((d) => d.ageDays <= ageDays - MONTH).length;
}
