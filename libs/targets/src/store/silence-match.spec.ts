import { SilenceMatcher, silenceMatches } from './silence-match';

const now = new Date('2026-05-01T00:00:00Z');
const silence = (extra: Partial<SilenceMatcher>): SilenceMatcher => ({
  indicator: null,
  region: null,
  startsAt: new Date('2026-04-30T00:00:00Z'),
  endsAt: new Date('2026-05-02T00:00:00Z'),
  expiredAt: null,
  ...extra,
});
const within = (code: string, scope: string) => code === scope || (scope.endsWith('00') && code.startsWith(scope.slice(0, 4)));
const alert = { indicator: 'county_visit_rate', region: '610921', bureau: '610921' };

describe('silences', () => {
  it('match on indicator, on region subtree, or both', () => {
    expect(silenceMatches(silence({ indicator: 'county_visit_rate' }), alert, now, within)).toBe(true);
    expect(silenceMatches(silence({ indicator: 'tcm_prescription_share' }), alert, now, within)).toBe(false);
    expect(silenceMatches(silence({ region: '610900' }), alert, now, within)).toBe(true);
    expect(silenceMatches(silence({ region: '610922' }), alert, now, within)).toBe(false);
    expect(silenceMatches(silence({ region: '610921', indicator: 'tcm_prescription_share' }), alert, now, within)).toBe(false);
  });

  it('match an institution feed alert through its county', () => {
    expect(silenceMatches(silence({ region: '610921' }), { indicator: 'feed_stale', region: '610921-THC-001', bureau: '610921' }, now, within)).toBe(true);
  });

  it('only while active: not before the start, not after the end or an early expiry', () => {
    expect(silenceMatches(silence({ region: '610921', endsAt: now }), alert, now, within)).toBe(false);
    expect(silenceMatches(silence({ region: '610921', startsAt: new Date('2026-05-01T01:00:00Z') }), alert, now, within)).toBe(false);
    expect(silenceMatches(silence({ region: '610921', expiredAt: new Date('2026-04-30T12:00:00Z') }), alert, now, within)).toBe(false);
  });
});
