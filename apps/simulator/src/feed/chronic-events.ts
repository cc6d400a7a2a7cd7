import type { ChronicCondition, ChronicFollowupEvent, HealthEvent } from '@lib/contracts';
import { cstTimestamp } from './cst-time';
import { occurredAt } from './event-time';
import type { FeedContext } from './feed-context';
import { pickCounty, pickFrom } from './resident-picker';
import { personOf, type Resident } from './synthetic-population';

/**
 * Chronic disease management (慢病管理, 国家基本公共卫生服务): a patient with hypertension, type 2
 * diabetes or a severe mental disorder is registered (建档) at their township centre, then followed
 * up face to face, mostly by the village doctor — at least 4 times a year for standard management
 * (规范管理). `controlled` follows a per-patient tendency around the usual control rates
 * (blood pressure ~70%, blood sugar ~60%, SMD stable ~80%).
 */
const CONTROL_RATE: Readonly<Record<ChronicCondition, number>> = { hypertension: 0.7, diabetes: 0.6, smd: 0.8 };
/** Most chronic events are follow-ups of patients already in care; the rest are new registrations. */
const FOLLOWUP_SHARE = 0.85;

export function chronicEvent(ctx: FeedContext, anchorMs: number): HealthEvent {
  const { random } = ctx;
  const home = pickCounty(ctx);
  const when = occurredAt(ctx, anchorMs, 'clinic');
  const followed = random.chance(FOLLOWUP_SHARE) ? pickFrom(ctx, home.registeredPatients, when) : undefined;
  if (followed !== undefined) {
    const condition = random.pick(followed.registered);
    const p = Math.min(0.98, Math.max(0.02, CONTROL_RATE[condition] + (followed.controlTendency - 0.5) * 0.6));
    const place = followed.clinic && random.chance(0.6) ? followed.clinic : followed.area.centre;
    return { ...event(ctx, followed, place.id, 'followup', condition, when), controlled: random.chance(p) };
  }
  const patient = pickFrom(ctx, home.patients, when, (r) => r.conditions.some((c) => !r.registered.includes(c)));
  if (patient === undefined) {
    // Everyone sampled is registered already: a follow-up of anyone in care, or a registration will come later.
    const anyone = pickFrom(ctx, home.registeredPatients, when) ?? pickFrom(ctx, home.patients, when);
    if (anyone === undefined) throw new Error(`county ${home.county} has no chronic patients at this population scale`);
    const condition = random.pick(anyone.registered.length > 0 ? anyone.registered : anyone.conditions);
    return anyone.registered.includes(condition)
      ? { ...event(ctx, anyone, anyone.area.centre.id, 'followup', condition, when), controlled: random.chance(CONTROL_RATE[condition]) }
      : register(ctx, home.registeredPatients, anyone, condition, when);
  }
  const condition = patient.conditions.find((c) => !patient.registered.includes(c)) as ChronicCondition;
  return register(ctx, home.registeredPatients, patient, condition, when);
}

function register(ctx: FeedContext, registered: Resident[], patient: Resident, condition: ChronicCondition, when: number): ChronicFollowupEvent {
  if (patient.registered.length === 0) registered.push(patient);
  patient.registered.push(condition);
  return event(ctx, patient, patient.area.centre.id, 'registration', condition, when);
}

function event(
  ctx: FeedContext,
  patient: Resident,
  institutionId: string,
  action: ChronicFollowupEvent['action'],
  condition: ChronicCondition,
  when: number,
): ChronicFollowupEvent {
  return {
    eventId: ctx.eventId('C'),
    version: 1,
    voided: false,
    type: 'chronic_followup',
    action,
    institutionId,
    occurredAt: cstTimestamp(when),
    person: personOf(patient),
    condition,
  };
}
