import type { HealthEvent, InstitutionFacts, InstitutionType, VisitEvent } from '@lib/contracts';
import { cstTimestamp as cstTimestampOf, DAY_MS, HOUR_MS } from './cst-time';
import { occurredAt, storyDelay } from './event-time';
import type { FeedContext } from './feed-context';
import { pickCounty, pickResident } from './resident-picker';
import { personOf, type Resident } from './synthetic-population';
import { visitDestination } from './visit-destinations';

/**
 * Visits (就诊): outpatient, emergency, admission and, days later, the discharge that closes it.
 * Costs are by level of care (次均费用 rises from village clinic to provincial hospital) and grow
 * about 4% a year, inside the ≤ 5% target; TCM shares (中医药处方 / 中医非药物疗法) are highest at
 * TCM hospitals and in primary care, where the 30% / 5% targets are met on average.
 */

type Action = 'outpatient' | 'emergency' | 'admission';

/** Actions by the destination's type: village clinics see outpatients only, hospitals admit more. */
const ACTIONS: Readonly<Record<InstitutionType, Readonly<Record<Action, number>>>> = {
  village_clinic: { outpatient: 1, emergency: 0, admission: 0 },
  community_health_station: { outpatient: 1, emergency: 0, admission: 0 },
  township_health_center: { outpatient: 0.88, emergency: 0.03, admission: 0.09 },
  community_health_center: { outpatient: 0.92, emergency: 0.03, admission: 0.05 },
  county_hospital: { outpatient: 0.8, emergency: 0.08, admission: 0.12 },
  county_tcm_hospital: { outpatient: 0.86, emergency: 0.04, admission: 0.1 },
  county_mch_hospital: { outpatient: 0.85, emergency: 0.05, admission: 0.1 },
  city_hospital: { outpatient: 0.75, emergency: 0.08, admission: 0.17 },
  provincial_hospital: { outpatient: 0.7, emergency: 0.08, admission: 0.22 },
  // Settlement data from elsewhere is mostly inpatient (异地就医 is for serious illness).
  out_of_network: { outpatient: 0.55, emergency: 0.05, admission: 0.4 },
};

/** Median cost in yuan by level of care (1 village … 5 province) in 2024. */
const OUTPATIENT_MEDIAN = { 1: 35, 2: 90, 3: 230, 4: 380, 5: 520 } as const;
const ADMISSION_MEDIAN = { 1: 800, 2: 2200, 3: 6500, 4: 12000, 5: 22000 } as const;
const EMERGENCY_FACTOR = 1.8;
const COST_GROWTH_PER_YEAR = 0.04;
const BASE_YEAR_MS = Date.parse('2024-01-01T00:00:00+08:00');

/** P(TCM prescription), P(TCM non-drug therapy) by where the visit took place. */
function tcmShares(ctx: FeedContext, place: InstitutionFacts): [number, number] {
  if (ctx.network.tcmHospitalIds.has(place.id)) return [0.65, 0.18];
  if (place.level <= 2) return [0.34, 0.07];
  return [0.18, 0.02];
}

export function visitEvent(ctx: FeedContext, atMs: number, anchorMs: number): HealthEvent {
  const { random } = ctx;
  const resident = visitor(ctx, anchorMs);
  const place = visitDestination(ctx, resident, atMs);
  const action = random.weighted(ACTIONS[place.type]);
  const when = occurredAt(ctx, anchorMs, action === 'emergency' ? 'emergency' : action === 'admission' ? 'ward' : 'clinic');
  const [tcmP, tcmN] = tcmShares(ctx, place);
  const visit: VisitEvent = {
    eventId: ctx.eventId('V'),
    version: 1,
    voided: false,
    type: 'visit',
    action,
    institutionId: place.id,
    occurredAt: cstTimestampOf(when),
    person: personOf(resident, residenceAsSent(ctx, resident, place)),
    cost: cost(ctx, place, action, when),
    tcmPrescription: random.chance(tcmP),
    tcmNonDrugTherapy: random.chance(tcmN),
  };
  if (action === 'admission') scheduleDischarge(ctx, visit, when);
  return visit;
}

/** The elderly see doctors about twice as often as younger adults. */
function visitor(ctx: FeedContext, anchorMs: number): Resident {
  const county = pickCounty(ctx);
  const elderlyBirth = `${new Date(anchorMs).getUTCFullYear() - 65}`;
  return pickResident(ctx, county, anchorMs, (r) => r.birthDate.slice(0, 4) <= elderlyBirth || ctx.random.chance(0.55));
}

/** 旬阳's village clinics still run software that sends the old county code 610928 for some residents. */
function residenceAsSent(ctx: FeedContext, resident: Resident, place: InstitutionFacts): string {
  if (resident.county === '610981' && place.type === 'village_clinic' && ctx.random.chance(0.3)) return '610928';
  return resident.county;
}

function cost(ctx: FeedContext, place: InstitutionFacts, action: Action, whenMs: number): number {
  const median = action === 'admission' ? ADMISSION_MEDIAN[place.level] : OUTPATIENT_MEDIAN[place.level] * (action === 'emergency' ? EMERGENCY_FACTOR : 1);
  const growth = (1 + COST_GROWTH_PER_YEAR) ** ((whenMs - BASE_YEAR_MS) / (365.25 * DAY_MS));
  return Math.round(ctx.random.logNormal(median * growth, action === 'admission' ? 0.6 : 0.5) * 100) / 100;
}

/** Length of stay: median about 6 days, a long tail (县级 average stay is 7–9 days). */
function scheduleDischarge(ctx: FeedContext, admission: VisitEvent, admittedMs: number): void {
  const stay = storyDelay(ctx, Math.min(60 * DAY_MS, ctx.random.logNormal(6 * DAY_MS, 0.5)));
  const dischargedMs = Math.max(admittedMs + stay, admittedMs + HOUR_MS * ctx.options.followUpTimeScale);
  const discharge: VisitEvent = {
    eventId: ctx.eventId('V'),
    version: 1,
    voided: false,
    type: 'visit',
    action: 'discharge',
    institutionId: admission.institutionId,
    occurredAt: cstTimestampOf(dischargedMs),
    person: { ...admission.person },
  };
  ctx.later(dischargedMs, discharge);
}
