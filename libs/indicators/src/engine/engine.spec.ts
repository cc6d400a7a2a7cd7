import { Contribution } from '../indicator.types';
import { amend, INST, referral, vaccination, visit, voidOf } from '../testing/event-builders';
import { contributionsOf, subjectsOf } from './contributions-of';
import { diffContributions, mergeContributions } from './contribution-math';
import { currentVersions } from './current-versions';
import { describeDims, dimsFileSuffix, formatDims, parseDims } from './dims';
import { referralDirection } from './referral-direction';
import { cityOf, provinceOf, rollUp } from './roll-up';

const c = (over: Partial<Contribution>): Contribution => ({
  indicator: 'i',
  measure: 'numerator',
  level: 'county',
  region: '610921',
  period: '202403',
  dims: '',
  delta: 1,
  ...over,
});

describe('referralDirection 上转/下转', () => {
  it('follows care levels', () => {
    expect(referralDirection(2, 3)).toBe('up');
    expect(referralDirection(1, 5)).toBe('up');
    expect(referralDirection(4, 2)).toBe('down');
    expect(referralDirection(2, 2)).toBe('lateral');
  });
});

describe('mergeContributions / diffContributions', () => {
  it('merges by key and drops zeros', () => {
    expect(mergeContributions([c({}), c({ delta: 2 }), c({ period: '202404' }), c({ period: '202404', delta: -1 })])).toEqual([c({ delta: 3 })]);
  });

  it('diffs after − before', () => {
    const before = [c({}), c({ measure: 'denominator' })];
    const after = [c({ period: '202404' }), c({ measure: 'denominator' })];
    expect(diffContributions(before, after)).toEqual([c({ delta: -1 }), c({ period: '202404' })]);
    expect(diffContributions(after, after)).toEqual([]);
  });

  it('keeps the institution county in the merge key, so a move between counties rolls up correctly', () => {
    const before = [c({ level: 'institution', region: 'I1', county: '610921' })];
    const after = [c({ level: 'institution', region: 'I1', county: '610902' })];
    const rolled = mergeContributions(
      diffContributions(before, after)
        .flatMap(rollUp)
        .map(({ county, ...rest }) => rest),
    );
    // The institution row and the city/province rows cancel; only the two counties change.
    expect(rolled.map((r) => `${r.level}:${r.region}:${r.delta}`).sort()).toEqual(['county:610902:1', 'county:610921:-1']);
  });
});

describe('rollUp', () => {
  it('expands county → city → province and institution → county → ...', () => {
    expect(rollUp(c({ region: '610921' })).map((r) => `${r.level}:${r.region}`)).toEqual(['county:610921', 'city:610900', 'province:610000']);
    expect(rollUp(c({ level: 'institution', region: '610981-THC-9', county: '610981' })).map((r) => `${r.level}:${r.region}`)).toEqual([
      'institution:610981-THC-9',
      'county:610981',
      'city:610900',
      'province:610000',
    ]);
    expect(rollUp(c({ level: 'city', region: '610900' })).map((r) => `${r.level}:${r.region}`)).toEqual(['city:610900', 'province:610000']);
    expect(cityOf('610113')).toBe('610100');
    expect(provinceOf('610900')).toBe('610000');
  });
});

describe('dims', () => {
  it('is canonical whatever the order', () => {
    expect(formatDims({ vaccine: 'HepB', dose: 3, cohort: 2023 })).toBe('cohort=2023;dose=3;vaccine=HepB');
    expect(parseDims('cohort=2023;dose=3;vaccine=HepB')).toEqual({ cohort: '2023', dose: '3', vaccine: 'HepB' });
    expect(formatDims({})).toBe('');
  });

  it('reads vaccine, dose and cohort for people and for file names, and keeps other selections apart', () => {
    expect(describeDims('cohort=2023;dose=3;vaccine=HepB')).toBe('HepB 第3剂 2023年出生队列');
    expect(describeDims('result=abnormal')).toBe('result=abnormal');
    expect(describeDims('')).toBe('');
    expect(dimsFileSuffix('cohort=2023;dose=3;vaccine=HepB')).toBe('vaccine-HepB-dose-3-cohort-2023');
    expect(dimsFileSuffix('cohort=2023;dose=1;vaccine=HepB')).not.toBe(dimsFileSuffix('cohort=2023;dose=3;vaccine=DTaP'));
  });
});

describe('subjectsOf / contributionsOf', () => {
  it('names the subjects an event belongs to', () => {
    const v = visit({ inst: 'hanyinTownship', eventId: 'V1', at: '2024-03-05T10:00:00+08:00' });
    expect(subjectsOf(v)).toEqual(['evt:610921-THC-001:V1']);
    expect(subjectsOf(voidOf(v))).toEqual([]);
    const d = vaccination({
      inst: 'hanyinTownship',
      person: 'hmac-sha256:k1:ab',
      birthDate: '2023-01-01',
      vaccine: 'HepB',
      dose: 2,
      at: '2024-03-05T10:00:00+08:00',
    });
    expect(subjectsOf(d)).toEqual(['vax:hmac-sha256%3Ak1%3Aab:HepB:2']);
    const r = referral({
      inst: 'hanyinCounty',
      action: 'completed',
      referralId: 'R:1',
      from: 'hanyinTownship',
      to: 'hanyinCounty',
      at: '2024-03-05T10:00:00+08:00',
    });
    expect(subjectsOf(r)).toEqual([`ref:${INST.hanyinTownship.id}:R%3A1`]);
  });

  it('is a pure function of the current versions, whatever order or stale versions it is given', () => {
    const v1 = visit({ inst: 'hanyinTownship', eventId: 'V2', at: '2024-03-05T10:00:00+08:00' });
    const v2 = amend(v1, { occurredAt: '2024-04-05T10:00:00+08:00' });
    const s = subjectsOf(v1)[0];
    expect(contributionsOf(s, [v2, v1])).toEqual(contributionsOf(s, [v2]));
    expect(contributionsOf(s, [v1, v2, voidOf(v2)])).toEqual([]);
    expect(currentVersions([v1, v2, v1])).toEqual([v2]);
    expect(contributionsOf(s, [v2]).every((x) => x.period.startsWith('2024') && !x.period.startsWith('202403'))).toBe(true);
  });
});
