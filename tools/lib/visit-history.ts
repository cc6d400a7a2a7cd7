import { residentIdCheckChar } from '@lib/contracts';
import { ankangDemo, type Institution } from '@lib/registry';

/** One visit of a generated history, as an institution's system would export it (clear ID, full birth date). */
export interface HistoricVisit {
  eventId: string;
  type: 'visit';
  action: 'outpatient' | 'emergency' | 'admission' | 'discharge';
  institutionId: string;
  occurredAt: string;
  person: { id: string; sex: 'M' | 'F'; birthDate: string; residenceRegion: string };
  cost: number;
  tcmPrescription: boolean;
}

const ACTIONS = ['outpatient', 'outpatient', 'outpatient', 'emergency', 'admission', 'discharge'] as const;

/**
 * A deterministic year of visits in 安康's reporting network (residents of its ten counties, mostly
 * seen at home, some elsewhere): the load of the bulk-import tests and bench. Same seed, same file.
 */
export function* visitHistory(options: { year: number; count: number; seed: number; idPrefix: string; months?: readonly number[] }): Generator<HistoricVisit> {
  const random = mulberry32(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const network = ankangDemo().institutions.filter((i) => i.active && i.type !== 'out_of_network' && i.county.startsWith('6109'));
  const counties = [...new Set(network.map((i) => i.county))];
  const byCounty = new Map(counties.map((county) => [county, network.filter((i) => i.county === county)]));
  for (let n = 0; n < options.count; n++) {
    const residence = pick(counties);
    const institution: Institution = random() < 0.8 ? pick(byCounty.get(residence)!) : pick(network);
    const month = options.months ? pick(options.months) : 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const birthYear = 1940 + Math.floor(random() * 70);
    const birthDate = `${birthYear}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`;
    yield {
      eventId: `${options.idPrefix}-${n}`,
      type: 'visit',
      action: pick(ACTIONS),
      institutionId: institution.id,
      occurredAt: `${options.year}-${pad(month)}-${pad(day)}T${pad(8 + Math.floor(random() * 10))}:${pad(Math.floor(random() * 60))}:00+08:00`,
      person: { id: residentId(residence, birthDate, Math.floor(random() * 1000)), sex: random() < 0.5 ? 'M' : 'F', birthDate, residenceRegion: residence },
      cost: Math.round(random() * 200_000) / 100,
      tcmPrescription: random() < 0.3,
    };
  }
}

/** A resident ID number (GB 11643) with a valid check character: region, birth date, sequence. */
export function residentId(region: string, birthDate: string, sequence: number): string {
  const first17 = `${region}${birthDate.replace(/-/g, '')}${String(sequence).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17)!;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Small seeded PRNG: the same history on every machine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
