import { residentIdCheckChar, type DiseaseReportEvent, type HealthEvent, type SyndromicCountEvent } from '@lib/contracts';
import { ANKANG_COUNTIES, ankangDemo, seededRandom } from '@lib/registry';
import { cstDate, cstMidnightOfDate, cstTimestamp, DAY_MS, HOUR_MS } from './cst-time';
import { dayOfYear, expectedCases, poisson, sentinelShares } from './epidemic-curves';
import type { FeedScenario } from './feed-scenario';

/**
 * The surveillance side of the demo feed (传染病网络直报 and 哨点监测), apart from the rate-driven
 * FeedGenerator because it follows the calendar, not a rate: each CST day every county reports its
 * cases of the seasonal curves (`epidemic-curves.ts`) at the real population's scale, so the outbreak
 * detectors see the counts they would in 安康, and each county hospital (the sentinel) sends its day's
 * counts at 22:00. Pure and deterministic per (seed, day): a day is the same whether generated live or
 * as the three years of history loaded through the bulk import.
 */
export interface EpidemicOptions {
  seed: string;
  /** Prefix of every eventId (with the day), so two streams never collide. */
  streamId: string;
  /** The outbreak scenario: `cases` extra confirmed cases in one county, spread evenly from `fromMs` over `days`. */
  cluster?: EpidemicCluster;
}

export interface EpidemicCluster {
  county: string;
  disease: string;
  fromMs: number;
  days: number;
  cases: number;
}

/** The epidemic feed of a run: the measles-cluster scenario's cases from `startMs`, none otherwise. */
export function epidemicOptions(seed: string, streamId: string, scenario: FeedScenario, startMs: number): EpidemicOptions {
  if (scenario.kind !== 'measles-cluster') return { seed, streamId };
  return { seed, streamId, cluster: { county: scenario.county, disease: 'measles', fromMs: startMs, days: scenario.days, cases: scenario.cases } };
}

/** An event and the instant the feed releases it (its report time; a revision's own later time). */
export interface TimedEvent {
  dueMs: number;
  event: HealthEvent;
}

/** Diseases seen mostly in children (ages 1–12 at report), the others across ages 1–85. */
const CHILDHOOD = new Set(['hfmd', 'measles', 'mumps', 'scarlet_fever', 'pertussis']);
/** Suspected cards later confirmed by the laboratory (订正), and cards later deleted as duplicates (查重). */
const REVISED_SHARE = 0.6;
const DELETED_SHARE = 0.02;
/** Cards reported a day after diagnosis: late for every disease (timeliness ~97%). */
const LATE_SHARE = 0.03;

interface County {
  code: string;
  residents: number;
  /** The county's general hospital: it reports the cards (网络直报) and is the ILI sentinel. */
  hospital: string;
}

let counties: County[] | undefined;
function ankangCounties(): County[] {
  if (counties) return counties;
  const institutions = ankangDemo().institutions;
  counties = ANKANG_COUNTIES.filter((c) => institutions.some((i) => i.county === c.code && i.active)).map((c) => ({
    code: c.code,
    residents: c.residents2020,
    hospital: institutions.find((i) => i.county === c.code && i.type === 'county_hospital' && i.active)!.id,
  }));
  return counties;
}

/** The events of one CST day (`YYYY-MM-DD`) in every county, with the instants they are released at. */
export function epidemicDay(options: EpidemicOptions, date: string): TimedEvent[] {
  const random = seededRandom(`${options.seed}:epidemic:${date}`);
  const midnight = cstMidnightOfDate(date);
  const compact = date.replace(/-/g, '');
  const out: TimedEvent[] = [];
  let n = 0;
  const card = (county: County, disease: string, atMs: number, classification: DiseaseReportEvent['classification']) => {
    const late = random() < LATE_SHARE;
    const diagnosedMs = atMs - (late ? 26 * HOUR_MS : (0.5 + random() * 3) * HOUR_MS);
    const age = CHILDHOOD.has(disease) ? 1 + Math.floor(random() * 12) : 1 + Math.floor(random() * 85);
    const birthDate = `${Number(date.slice(0, 4)) - age}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`;
    const first17 = `${county.code}${birthDate.replace(/-/g, '')}${String(Math.floor(random() * 1000)).padStart(3, '0')}`;
    const event: DiseaseReportEvent = {
      eventId: `${options.streamId}-D${compact}-${county.code}-${(n++).toString(36)}`,
      version: 1,
      voided: false,
      type: 'disease_report',
      action: 'reported',
      institutionId: county.hospital,
      occurredAt: cstTimestamp(atMs),
      person: { id: first17 + residentIdCheckChar(first17)!, sex: random() < 0.5 ? 'M' : 'F', birthDate, residenceRegion: county.code },
      disease,
      classification,
      onsetDate: cstDate(diagnosedMs - (1 + Math.floor(random() * 3)) * DAY_MS),
      diagnosedAt: cstTimestamp(diagnosedMs),
    };
    out.push({ dueMs: atMs, event });
    const correction = random();
    if (correction < DELETED_SHARE) {
      const { eventId, type, institutionId, occurredAt } = event;
      out.push({
        dueMs: atMs + (1 + random() * 47) * HOUR_MS,
        event: { eventId, version: 2, voided: false, type, action: 'deleted', institutionId, occurredAt },
      });
    } else if (classification === 'suspected' && correction < DELETED_SHARE + REVISED_SHARE) {
      out.push({ dueMs: atMs + (24 + random() * 48) * HOUR_MS, event: { ...event, version: 2, action: 'revised', classification: 'confirmed' } });
    }
  };

  for (const county of ankangCounties()) {
    for (const [disease, mean] of Object.entries(expectedCases(county.residents, dayOfYear(date)))) {
      for (let k = poisson(mean, random); k > 0; k--) {
        const roll = random();
        card(county, disease, midnight + (8 + random() * 12) * HOUR_MS, roll < 0.2 ? 'suspected' : roll < 0.5 ? 'clinical' : 'confirmed');
      }
    }
    const shares = sentinelShares(dayOfYear(date));
    const outpatientVisits = Math.round(600 * Math.sqrt(county.residents / 300_000) * (0.9 + 0.2 * random()));
    const counts: SyndromicCountEvent = {
      eventId: `${options.streamId}-S${compact}-${county.code}`,
      version: 1,
      voided: false,
      type: 'syndromic_count',
      action: 'daily',
      institutionId: county.hospital,
      occurredAt: cstTimestamp(midnight + 22 * HOUR_MS),
      date,
      feverClinicVisits: Math.round(outpatientVisits * shares.feverClinic * (0.85 + 0.3 * random())),
      iliCases: Math.round(outpatientVisits * shares.ili * (0.85 + 0.3 * random())),
      outpatientVisits,
    };
    out.push({ dueMs: midnight + 22 * HOUR_MS, event: counts });
  }

  const cluster = options.cluster;
  if (cluster) {
    const county = ankangCounties().find((c) => c.code === cluster.county)!;
    for (let i = 0; i < cluster.cases; i++) {
      const atMs = cluster.fromMs + (i * cluster.days * DAY_MS) / cluster.cases;
      if (atMs >= midnight && atMs < midnight + DAY_MS) card(county, cluster.disease, atMs, 'confirmed');
    }
  }
  return out.sort((a, b) => a.dueMs - b.dueMs);
}

/** Every event of the days `from`…`to` (both included, `YYYY-MM-DD`), in release order: a baseline's history. */
export function* epidemicHistory(options: EpidemicOptions, from: string, to: string): Generator<TimedEvent> {
  const held: TimedEvent[] = [];
  for (let ms = cstMidnightOfDate(from); ms <= cstMidnightOfDate(to); ms += DAY_MS) {
    held.push(...epidemicDay(options, cstDate(ms)));
    held.sort((a, b) => a.dueMs - b.dueMs);
    // A revision may fall due days later; what is due before the next day begins is final.
    while (held.length > 0 && held[0].dueMs < ms + DAY_MS) yield held.shift()!;
  }
  yield* held;
}

/** The live epidemic stream: days are generated as the clock reaches them, events released when due. */
export class EpidemicFeed {
  private nextDate: string;
  private held: TimedEvent[] = [];

  constructor(
    private readonly options: EpidemicOptions,
    startMs: number,
  ) {
    this.nextDate = cstDate(startMs);
  }

  /** The events due by `nowMs`, oldest first (a day's earlier reports at once when the feed starts mid-day). */
  due(nowMs: number): HealthEvent[] {
    const today = cstDate(nowMs);
    while (this.nextDate <= today) {
      this.held.push(...epidemicDay(this.options, this.nextDate));
      this.nextDate = cstDate(cstMidnightOfDate(this.nextDate) + DAY_MS);
    }
    this.held.sort((a, b) => a.dueMs - b.dueMs);
    const count = this.held.findIndex((t) => t.dueMs > nowMs);
    return this.held.splice(0, count === -1 ? this.held.length : count).map((t) => t.event);
  }
}

const pad = (n: number) => String(n).padStart(2, '0');
