import type { FamilyDoctorEvent, HealthEvent, PriorityGroup, ServiceKind } from '@lib/contracts';
import { ageOn, cstDate, cstTimestamp } from './cst-time';
import { occurredAt } from './event-time';
import type { FeedContext } from './feed-context';
import { pickCounty, pickFrom, pickResident, removeFrom } from './resident-picker';
import { personOf, type CountyPopulation, type Resident } from './synthetic-population';

/**
 * Family-doctor contracts (家庭医生签约服务): township and community teams sign residents —
 * priority groups first (重点人群: 65+, hypertension, diabetes, severe mental disorder, low-income) —
 * renew them yearly, lose a few (moved away, changed team), and deliver services to those signed:
 * follow-ups, health checks (the yearly 65+ check) and home visits (上门服务) for the frail.
 */
const ACTION = { service: 0.55, contract_signed: 0.25, contract_renewed: 0.15, contract_cancelled: 0.05 } as const;
/** Non-priority residents sign less readily than priority ones. */
const NON_PRIORITY_SIGNING = 0.35;
const TEAMS_PER_CENTRE = 3;

export function familyDoctorEvent(ctx: FeedContext, anchorMs: number): HealthEvent {
  const home = pickCounty(ctx);
  const when = occurredAt(ctx, anchorMs, 'clinic');
  const action = ctx.random.weighted(ACTION);
  const signed = pickFrom(ctx, home.contracted, when, (r) => (r.contract?.signedAtMs ?? Infinity) <= when);
  if (action === 'contract_signed' || signed === undefined) return sign(ctx, home, when);
  if (action === 'contract_renewed') {
    (signed.contract as NonNullable<Resident['contract']>).signedAtMs = when;
    return event(ctx, signed, 'contract_renewed', when);
  }
  if (action === 'contract_cancelled') {
    const cancelled = event(ctx, signed, 'contract_cancelled', when);
    signed.contract = undefined;
    removeFrom(home.contracted, signed);
    return cancelled;
  }
  return { ...event(ctx, signed, 'service', when), serviceKind: serviceKind(ctx, signed, when) };
}

function sign(ctx: FeedContext, home: CountyPopulation, when: number): FamilyDoctorEvent {
  const date = cstDate(when);
  const resident = pickResident(
    ctx,
    home,
    when,
    (r) => r.contract === undefined && (priorityGroups(r, date).length > 0 || ctx.random.chance(NON_PRIORITY_SIGNING)),
  );
  const team = `${resident.area.centre.id}-T${String(ctx.random.int(1, TEAMS_PER_CENTRE)).padStart(2, '0')}`;
  const wasSigned = resident.contract !== undefined;
  resident.contract = { teamId: team, signedAtMs: when };
  if (!wasSigned) home.contracted.push(resident);
  return event(ctx, resident, wasSigned ? 'contract_renewed' : 'contract_signed', when);
}

function event(ctx: FeedContext, resident: Resident, action: FamilyDoctorEvent['action'], when: number): FamilyDoctorEvent {
  return {
    eventId: ctx.eventId('F'),
    version: 1,
    voided: false,
    type: 'family_doctor',
    action,
    // Services are often recorded by the village doctor of the team (乡村医生), contracts by the centre.
    institutionId: action === 'service' && resident.clinic && ctx.random.chance(0.4) ? resident.clinic.id : resident.area.centre.id,
    occurredAt: cstTimestamp(when),
    person: personOf(resident),
    teamId: resident.contract?.teamId ?? `${resident.area.centre.id}-T01`,
    priorityGroups: priorityGroups(resident, cstDate(when)),
  };
}

export function priorityGroups(resident: Resident, date: string): PriorityGroup[] {
  const groups: PriorityGroup[] = [];
  if (ageOn(resident.birthDate, date) >= 65) groups.push('elderly_65');
  for (const condition of resident.conditions) groups.push(condition);
  if (resident.lowIncome) groups.push('low_income');
  return groups;
}

/** Home visits go mostly to the old and the severely ill; everyone else gets follow-ups and checks. */
function serviceKind(ctx: FeedContext, resident: Resident, when: number): ServiceKind {
  const frail = ageOn(resident.birthDate, cstDate(when)) >= 75 || resident.conditions.includes('smd');
  return ctx.random.weighted(frail ? { follow_up: 0.4, health_check: 0.25, home_visit: 0.35 } : { follow_up: 0.55, health_check: 0.35, home_visit: 0.1 });
}
