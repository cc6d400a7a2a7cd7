/**
 * Property: feeding random event histories (duplicates, amendments that move events between
 * periods, persons, subjects; voids; shuffled arrival) one version at a time through the store
 * with diffContributions gives the same counters as a plain reference computed afterwards from the
 * final versions only. The references below are written from DOMAIN.md "Precise semantics" with
 * plain loops; they share no code with the engine beyond period helpers.
 */
import fc from 'fast-check';
import { cstDayOf, instantMs, parsePeriod, periodOfDay, periodsInRange, dayNumber } from '@lib/periods';
import type { CanonicalEvent } from '@lib/contracts';
import { Harness } from '../testing/event-builders';
import { histories, PERSONS } from '../testing/event-histories';

/** The granularities visits and referrals are stored at: their quarters and years are read as sums of months. */
const GRANULARITIES = ['day', 'month'] as const;
import { contributionsOf, subjectsOf } from './contributions-of';
import { rollUpAll } from './roll-up';
import { mergeContributions } from './contribution-math';

type Counters = Map<string, number>;
function bump(m: Counters, key: string[], delta = 1): void {
  const k = key.join('|');
  const v = (m.get(k) ?? 0) + delta;
  if (v === 0) m.delete(k);
  else m.set(k, v);
}
function countersOf(h: Harness, indicators: string[]): Counters {
  const m: Counters = new Map();
  for (const r of h.rows()) if (indicators.includes(r.indicator)) bump(m, [r.indicator, r.measure, r.level, r.region, r.period, r.dims], r.value);
  return m;
}
const city = (c: string) => `${c.slice(0, 4)}00`;
const province = (c: string) => `${c.slice(0, 2)}0000`;
const dayOf = (e: CanonicalEvent) => cstDayOf(e.occurredAt);
const earliest = (events: CanonicalEvent[]) =>
  [...events].sort((a, b) => instantMs(a.occurredAt) - instantMs(b.occurredAt) || (a.institutionId + a.eventId < b.institutionId + b.eventId ? -1 : 1))[0];

function send(arrival: CanonicalEvent[]): Harness {
  const h = new Harness();
  for (const e of arrival) h.send(e);
  return h;
}

describe('store + diffContributions agrees with a reference computed from final versions', () => {
  it('县域就诊率 county_visit_rate counters', () => {
    fc.assert(
      fc.property(histories(['visit', 'vaccination']), ({ arrival, finals }) => {
        const expected: Counters = new Map();
        for (const e of finals) {
          if (e.type !== 'visit' || e.action === 'discharge') continue;
          const c = e.person.residenceRegion!;
          const inCounty = e.institution.county === c;
          for (const g of GRANULARITIES) {
            const p = periodOfDay(dayOf(e), g);
            for (const [level, region] of [
              ['county', c],
              ['city', city(c)],
              ['province', province(c)],
            ]) {
              bump(expected, ['county_visit_rate', 'denominator', level, region, p, '']);
              if (inCounty) bump(expected, ['county_visit_rate', 'numerator', level, region, p, '']);
            }
          }
        }
        expect(countersOf(send(arrival), ['county_visit_rate'])).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('referral counters (up, down, completion)', () => {
    fc.assert(
      fc.property(histories(['referral']), ({ arrival, finals }) => {
        const expected: Counters = new Map();
        const byReferral = new Map<string, CanonicalEvent[]>();
        for (const e of finals) {
          if (e.type !== 'referral') continue;
          const k = `${e.fromInstitutionId}|${e.referralId}`;
          byReferral.set(k, [...(byReferral.get(k) ?? []), e]);
        }
        for (const steps of byReferral.values()) {
          const initiated = earliest(steps.filter((s) => s.action === 'initiated'));
          if (!initiated || initiated.type !== 'referral') continue;
          const { from, to } = initiated.referralParties!;
          const direction = to.level > from.level ? 'up' : to.level < from.level ? 'down' : 'lateral';
          const completed = steps.some((s) => s.action === 'completed');
          for (const g of GRANULARITIES) {
            const p = periodOfDay(dayOf(initiated), g);
            for (const [level, region] of [
              ['institution', from.id],
              ['county', from.county],
              ['city', city(from.county)],
              ['province', province(from.county)],
            ]) {
              if (direction !== 'lateral') bump(expected, [`referrals_${direction}`, 'value', level, region, p, '']);
              bump(expected, ['referral_completion_rate', 'denominator', level, region, p, '']);
              if (completed) bump(expected, ['referral_completion_rate', 'numerator', level, region, p, '']);
            }
          }
        }
        expect(countersOf(send(arrival), ['referrals_up', 'referrals_down', 'referral_completion_rate'])).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  const READ_PERIODS = [
    ...periodsInRange('2023', '2025'),
    ...periodsInRange('2023Q4', '2025Q1'),
    ...periodsInRange('202311', '202502'),
    '20231231',
    '20240101',
    '20240229',
    '20240331',
    '20240601',
    '20241231',
    '20250101',
  ];

  it('规范管理率 hypertension_standard_management_rate values', () => {
    fc.assert(
      fc.property(histories(['chronic'], true, 20), ({ arrival, finals }) => {
        const h = send(arrival);
        const patients = new Map<string, CanonicalEvent[]>();
        for (const e of finals) if (e.type === 'chronic_followup') patients.set(e.person.id, [...(patients.get(e.person.id) ?? []), e]);
        for (const period of READ_PERIODS) {
          const { lastDay, year } = parsePeriod(period);
          for (const county of ['610921', '610902']) {
            let registered = 0;
            let standard = 0;
            for (const events of patients.values()) {
              const registration = earliest(events.filter((e) => e.action === 'registration'));
              if (!registration || registration.person!.residenceRegion !== county || dayOf(registration) > lastDay) continue;
              registered++;
              const followups = events.filter((e) => e.action === 'followup' && dayOf(e).startsWith(String(year)) && dayOf(e) <= lastDay);
              if (followups.length >= 4) standard++;
            }
            const got = h.read('hypertension_standard_management_rate', period, 'county', county);
            expect([period, county, got.numerator, got.denominator]).toEqual([period, county, standard, registered]);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('免疫规划疫苗接种率 vaccination_coverage values', () => {
    fc.assert(
      fc.property(histories(['vaccination', 'visit']), ({ arrival, finals }) => {
        const h = send(arrival);
        const doses = new Map<string, CanonicalEvent[]>();
        for (const e of finals) {
          if (e.type !== 'vaccination') continue;
          const k = `${e.person.id}|${e.vaccine}|${e.dose}`;
          doses.set(k, [...(doses.get(k) ?? []), e]);
        }
        for (const period of READ_PERIODS) {
          const { lastDay } = parsePeriod(period);
          for (const county of ['610921', '610902']) {
            for (const vaccine of ['HepB', 'BCG']) {
              for (const dose of [1, 2]) {
                for (const cohort of [2022, 2023]) {
                  let children = 0;
                  for (const events of doses.values()) {
                    const first = earliest(events);
                    if (first.type !== 'vaccination' || first.vaccine !== vaccine || first.dose !== dose) continue;
                    if (first.person.residenceRegion === county && first.person.birthYearMonth!.startsWith(String(cohort)) && dayOf(first) <= lastDay)
                      children++;
                  }
                  const dims = `cohort=${cohort};dose=${dose};vaccine=${vaccine}`;
                  expect([period, county, dims, h.read('vaccination_coverage', period, 'county', county, { dims }).numerator]).toEqual([
                    period,
                    county,
                    dims,
                    children,
                  ]);
                }
              }
            }
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('家庭医生签约服务覆盖率 family_doctor_coverage values', () => {
    fc.assert(
      fc.property(histories(['family_doctor']), ({ arrival, finals }) => {
        const h = send(arrival);
        for (const period of READ_PERIODS) {
          const { lastDay, end } = parsePeriod(period);
          for (const county of ['610921', '610902']) {
            let covered = 0;
            let coveredPriority = 0;
            for (const person of PERSONS) {
              const before = finals.filter((e) => e.type === 'family_doctor' && e.person.id === person && instantMs(e.occurredAt) < end.getTime());
              const latest = [...before].sort(
                (a, b) => instantMs(b.occurredAt) - instantMs(a.occurredAt) || (b.institutionId + b.eventId < a.institutionId + a.eventId ? -1 : 1),
              )[0];
              if (!latest || latest.type !== 'family_doctor' || latest.action === 'contract_cancelled') continue;
              if (dayNumber(lastDay) - dayNumber(dayOf(latest)) >= 365 || latest.person.residenceRegion !== county) continue;
              covered++;
              if ((latest.priorityGroups?.length ?? 0) > 0) coveredPriority++;
            }
            expect([period, county, h.read('family_doctor_coverage', period, 'county', county).numerator]).toEqual([period, county, covered]);
            expect([period, county, h.read('family_doctor_priority_coverage', period, 'county', county).numerator]).toEqual([period, county, coveredPriority]);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('for every indicator, streamed counters equal contributionsOf over the final subjects', () => {
    fc.assert(
      fc.property(histories(['visit', 'referral', 'vaccination', 'chronic', 'family_doctor']), ({ arrival, finals }) => {
        const h = send(arrival);
        const subjects = new Map<string, CanonicalEvent[]>();
        for (const e of finals) for (const s of subjectsOf(e)) subjects.set(s, [...(subjects.get(s) ?? []), e]);
        const fromScratch: Counters = new Map();
        for (const c of mergeContributions(
          rollUpAll([...subjects].flatMap(([s, events]) => contributionsOf(s, events))).map((c) => ({ ...c, county: undefined })),
        )) {
          bump(fromScratch, [c.indicator, c.measure, c.level, c.region, c.period, c.dims], c.delta);
        }
        const streamed: Counters = new Map();
        for (const r of h.rows()) bump(streamed, [r.indicator, r.measure, r.level, r.region, r.period, r.dims], r.value);
        expect(streamed).toEqual(fromScratch);
      }),
      { numRuns: 100 },
    );
  });
});
