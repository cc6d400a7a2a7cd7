import type { DiseaseReportEvent } from '@lib/contracts';
import { ankangDemo } from '@lib/registry';
import { CASES_PER_100K_PER_DAY, poisson } from '../../apps/simulator/src/feed/epidemic-curves';
import { mulberry32, residentId } from './visit-history';

/** Residents of the counties of a generated history: a small county's. */
const RESIDENTS = 300_000;

export interface DiseaseHistoryOptions {
  /** Residence counties of the cases; each card is reported by a hospital of its county. */
  counties: readonly string[];
  /** First and last CST day of the history (`YYYY-MM-DD`, both included). */
  from: string;
  to: string;
  seed: number;
  idPrefix: string;
  /** Multiplies every mean (1: the simulator's curves for a county of 300,000). */
  scale?: number;
}

/**
 * A deterministic history of notifiable-disease report cards (the baseline a moving percentile needs) of
 * a few counties: each county and day draws a Poisson count of each disease from the simulator's
 * seasonal curves (`apps/simulator/src/feed/epidemic-curves.ts`; the simulator's own `epidemicHistory`
 * makes every county's, sentinel counts included). Cards are as the national system exports them:
 * reported that morning, diagnosed an hour before, onset two days before, a confirmed or clinical case
 * living in the county. Same options, same cards.
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
      for (const [disease, curve] of Object.entries(CASES_PER_100K_PER_DAY)) {
        const cases = poisson(((curve(dayOfYear) * RESIDENTS) / 100_000) * scale, random);
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

const pad = (n: number) => String(n).padStart(2, '0');
