import { CATALOGUE } from '../catalogue/catalogue';
import { SUBJECTS } from '../catalogue/shared';
import { eventOfSubject, isSingleEventSubject, singleEventPrefixes } from './single-event-subjects';
import { subjectKeyPart } from './subjects';

describe('single-event subjects', () => {
  it('are the subjects keyed by the event itself; person and referral subjects are shared', () => {
    expect([...singleEventPrefixes(CATALOGUE).keys()]).toEqual([SUBJECTS.event.prefix]);
    expect(isSingleEventSubject('evt:610921-THC-001:HIS-1', CATALOGUE)).toBe(true);
    for (const shared of ['chronic:p:hypertension', 'fd:p', 'scr:p:cervical', 'vax:p:HepB:1', 'ref:610921-THC-001:R1']) {
      expect(isSingleEventSubject(shared, CATALOGUE)).toBe(false);
    }
  });

  it('name their event, escaped parts included', () => {
    const institutionId = 'inst:with%odd:chars';
    const eventId = 'HIS:1%3A';
    const subject = ['evt', subjectKeyPart(institutionId), subjectKeyPart(eventId)].join(':');
    expect(eventOfSubject(subject, CATALOGUE)).toEqual({ institutionId, eventId });
    expect(eventOfSubject('chronic:p:hypertension', CATALOGUE)).toBeNull();
  });
});
