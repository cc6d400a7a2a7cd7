import type { HealthEvent, InstitutionFacts, ReferralEvent } from '@lib/contracts';
import { countyHospitals, type CountyNetwork } from './care-network';
import { cstTimestamp, HOUR_MS } from './cst-time';
import { occurredAt, storyDelay } from './event-time';
import type { FeedContext } from './feed-context';
import { pickCounty, pickResident } from './resident-picker';
import { personOf } from './synthetic-population';

/**
 * Two-way referrals (双向转诊): initiated by the sending institution, then accepted or rejected by
 * the receiving one, then completed (the patient arrived) or cancelled. Up-referrals (上转) still
 * outnumber down-referrals (下转) about 60:35 — the seeds ask bureaus to raise the down share —
 * and about 5% are lateral (to the county TCM hospital for rehabilitation).
 */

const DIRECTION = { up: 0.6, down: 0.35, lateral: 0.05 } as const;
/** How referrals end: most complete; some are refused (no bed) or called off (patient declined). */
const OUTCOME = { completed: 0.78, cancelledAfterAccept: 0.05, rejected: 0.1, cancelledBeforeAccept: 0.05, open: 0.02 } as const;

const REASONS = {
  up: [
    '疑似急性阑尾炎，需手术治疗',
    '胸痛待查，需心内科评估',
    '血糖控制不佳，需调整治疗方案',
    '高危妊娠，需上级医院产检',
    '骨折需手术复位',
    '脑卒中疑似，需CT检查',
  ],
  down: ['术后康复期，转回基层继续康复', '病情稳定，转乡镇卫生院继续治疗', '慢病稳定期，下转由家庭医生随访管理', '恶性肿瘤化疗间歇期，就近支持治疗'],
  lateral: ['需中医康复治疗', '转中医院针灸理疗'],
} as const;

export function referralInitiated(ctx: FeedContext, anchorMs: number): HealthEvent {
  const { random } = ctx;
  const home = pickCounty(ctx);
  const county = ctx.network.counties.get(home.county) as CountyNetwork;
  const patient = pickResident(ctx, home, anchorMs);
  const direction = random.weighted(DIRECTION);
  const [from, to] = parties(ctx, county, patient.area.clinics, patient.area.centre, direction);
  const initiatedMs = occurredAt(ctx, anchorMs, 'clinic');
  const referralId = ctx.referralId(from.county);
  const step = (action: ReferralEvent['action'], reporter: InstitutionFacts, ms: number, reason?: string): ReferralEvent => ({
    eventId: ctx.eventId('R'),
    version: 1,
    voided: false,
    type: 'referral',
    action,
    institutionId: reporter.id,
    occurredAt: cstTimestamp(ms),
    referralId,
    fromInstitutionId: from.id,
    toInstitutionId: to.id,
    ...(reason !== undefined && { reason }),
  });

  const initiated = { ...step('initiated', from, initiatedMs, random.pick(REASONS[direction])), person: personOf(patient) };
  const outcome = random.weighted(OUTCOME);
  const answeredMs = initiatedMs + storyDelay(ctx, random.int(1, 24) * HOUR_MS);
  if (outcome === 'rejected') ctx.later(answeredMs, step('rejected', to, answeredMs, '床位已满，建议转其他医院'));
  if (outcome === 'cancelledBeforeAccept') ctx.later(answeredMs, step('cancelled', from, answeredMs));
  if (outcome === 'completed' || outcome === 'cancelledAfterAccept') {
    ctx.later(answeredMs, step('accepted', to, answeredMs));
    const endMs = answeredMs + storyDelay(ctx, random.int(4, 72) * HOUR_MS);
    ctx.later(endMs, outcome === 'completed' ? step('completed', to, endMs) : step('cancelled', from, endMs, '患者拒绝转诊'));
  }
  return initiated;
}

/** The two parties by direction, along the 医共体 ladder: village → township → county → city → province. */
function parties(
  ctx: FeedContext,
  county: CountyNetwork,
  clinics: readonly InstitutionFacts[],
  centre: InstitutionFacts,
  direction: keyof typeof DIRECTION,
): [InstitutionFacts, InstitutionFacts] {
  const { random, network } = ctx;
  const hospital = random.pick(county.generalHospitals);
  const city = random.pick(network.cityHospitals);
  if (direction === 'up') {
    const rung = random.weighted({ village: 0.3, township: 0.45, county: 0.2, city: 0.05 });
    if (rung === 'village' && clinics.length > 0) return [random.pick(clinics), centre];
    if (rung === 'county') return [hospital, city];
    if (rung === 'city') return [city, random.pick(network.provincialHospitals)];
    return [centre, hospital];
  }
  if (direction === 'down') {
    const rung = random.weighted({ county: 0.6, city: 0.3, province: 0.1 });
    if (rung === 'city') return [city, random.pick(countyHospitals(county))];
    if (rung === 'province') return [random.pick(network.provincialHospitals), city];
    return [hospital, centre];
  }
  return [hospital, county.tcmHospital ?? centre];
}
