import type { CareLevel } from '@lib/contracts';

export type ReferralDirection = 'up' | 'down' | 'lateral';

/**
 * 上转 / 下转: a referral to a higher level of care goes up, to a lower level down, to the same
 * level sideways. Levels: 1 village · 2 township/community · 3 county · 4 city · 5 province.
 */
export function referralDirection(fromLevel: CareLevel, toLevel: CareLevel): ReferralDirection {
  if (toLevel > fromLevel) return 'up';
  if (toLevel < fromLevel) return 'down';
  return 'lateral';
}
