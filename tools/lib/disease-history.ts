import type { DiseaseReportEvent } from '@lib/contracts';
import { ankangDemo } from '@lib/registry';
import { mulberry32, residentId } from './visit-history';

/**
 * Expected cases per county and day of each disease of a generated history, by day of the year:
 * 安康 (陕南) sees influenza peak in winter (January), 手足口病 in late spring (May) with a smaller
 * autumn wave, scarlet fever in spring and early winter, infectious diarrhoea in summer, and
 * measles and mumps sporadically. The means are a small county's (~300,000 residents).
 */
export const SEASONAL_MEANS: Readonly<Record<string, (dayOfYear: number) => number>> = {
  influenza: (d) => 0.25 * (1 + 0.9 * Math.cos((2 * Math.PI * (d - 15)) / 365)),
  hfmd: (d) => 0.15 * (1 + 0.8 * Math.cos((2 * Math.PI * (d - 135)) / 365)) + 0.05 * Math.max(0, Math.cos((2 * Math.PI * (d - 290)) / 182)),
  scarlet_fever: (d) => 0.04 * (1 + 0.5 * Math.cos((4 * Math.PI * (d - 140)) / 365)),
  infectious_diarrhoea: (d) => 0.12 * (1 + 0.6 * Math.cos((2 * Math.PI * (d - 210)) / 365)),
  mumps: () => 0.05,
  measles: () => 0.03,
};

export interface DiseaseHistoryOptions {
  /** Residence counties of the cases; each card is reported by a hospital of its county. */
  counties: readonly string[];
  /** First and last CST day of the history (`YYYY-MM-DD`, both included). */
  from: string;
  to: string;
  seed: number;
  idPrefix: string;
  /** Multiplies every mean (1: `SEASONAL_MEANS` as they are). */
  scale?: number;
}

/**
 * A deterministic history of notifiable-disease report cards (the baseline a moving percentile needs):
 * each county and day draws a Poisson count of each disease from its seasonal mean. Cards are as the
 * national system exports them: reported that morning, diagnosed an hour before, onset two days
 * before, a confirmed or clinical case living in the county. Same options, same cards.
 */
export function* diseaseHistory(options: DiseaseHistoryOptions): Generator<DiseaseReportEvent> {
  const random = mulberry32(options.seed);
  const scale = options.scale ?? 1;
  const reporterOf = new Map(options.counties.map((county) => [county, countyHospital(county)]));
  let n = 0;
  for (let ms = Date.parse(`${options.from}T00:00:00Z`); ms <= Date.parse(`${options.to}T00:00:00Z`); ms += 86_400_000) {
    const day = new Date(ms).toISOString().slice(0, 10);
    const dayOfYear = Math.floor((ms - Date.UTC(new Date(ms).getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
    const onset = new Date(ms - 2 * 86_400_000).toISOString().slice(0, 10);
    for (const county of options.counties) {
      for (const [disease, mean] of Object.entries(SEASONAL_MEANS)) {
        const cases = poisson(mean(dayOfYear) * scale, random);
        for (let c = 0; c < cases; c++) {
          const birthDate = `${1950 + Math.floor(random() * 70)}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`;
          const hour = 8 + Math.floor(random() * 9);
          yield {
            eventId: `${options.idPrefix}-${n++}`,
            version: 1,
            voided: false,
            type: 'disease_report',
            action: 'reported',
            institutionId: reporterOf.get(county)!,
            occurredAt: `${day}T${pad(hour + 1)}:00:00+08:00`,
            person: { id: residentId(county, birthDate, n % 1000), sex: random() < 0.5 ? 'M' : 'F', birthDate, residenceRegion: county },
            disease,
            classification: random() < 0.7 ? 'confirmed' : 'clinical',
            onsetDate: onset,
            diagnosedAt: `${day}T${pad(hour)}:00:00+08:00`,
          };
        }
      }
    }
  }
}

function countyHospital(county: string): string {
  const hospital = ankangDemo().institutions.find((i) => i.county === county && i.type === 'county_hospital' && i.active);
  if (!hospital) throw new Error(`No active county hospital in ${county}`);
  return hospital.id;
}

/** Knuth's method: fine for the small means here. */
function poisson(mean: number, random: () => number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = random(); p > limit; p *= random()) k++;
  return k;
}

const pad = (n: number) => String(n).padStart(2, '0');
