/** A silence as matched: on an indicator, on a region (and its whole subtree), or both. */
export interface SilenceMatcher {
  indicator: string | null;
  region: string | null;
  startsAt: Date;
  endsAt: Date;
  expiredAt: Date | null;
}

export interface SilenceTarget {
  indicator: string;
  region: string;
  /** The owning bureau's region: an institution's feed alert is matched through its county. */
  bureau: string;
}

/**
 * Whether a silence covers an alert at `now`: active (started, not ended, not expired early) and every
 * given matcher matches. `within(code, scope)` is the registry's subtree test, so silencing the city
 * silences its counties.
 */
export function silenceMatches(silence: SilenceMatcher, alert: SilenceTarget, now: Date, within: (code: string, scope: string) => boolean): boolean {
  const t = now.getTime();
  if (t < silence.startsAt.getTime() || t >= silence.endsAt.getTime()) return false;
  if (silence.expiredAt && t >= silence.expiredAt.getTime()) return false;
  if (silence.indicator !== null && silence.indicator !== alert.indicator) return false;
  if (silence.region === null) return true;
  return alert.region === silence.region || within(alert.region, silence.region) || within(alert.bureau, silence.region);
}
