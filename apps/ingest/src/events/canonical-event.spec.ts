import { EXAMPLE_EVENTS, exampleValidationContext, validateEvent } from '@lib/contracts';
import { Pseudonymiser } from '../privacy/pseudonymiser';
import { toCanonicalEvent } from './canonical-event';

describe('toCanonicalEvent', () => {
  const pseudonymiser = new Pseudonymiser([{ id: 'k9', secret: 'test-secret-of-at-least-thirty-two-chars' }]);
  const receivedAt = new Date('2024-03-20T04:00:00Z');

  it('replaces the clear ID by its pseudonym and attaches registry facts', () => {
    const visit = EXAMPLE_EVENTS.visit[0];
    const accepted = validateEvent(visit, exampleValidationContext());
    if (!accepted.ok) throw new Error(JSON.stringify(accepted.errors));
    const canonical = toCanonicalEvent(accepted, pseudonymiser, receivedAt);

    expect(canonical.person?.id).toBe(pseudonymiser.pseudonym('resident_id', visit.person.id));
    expect(JSON.stringify(canonical)).not.toContain(visit.person.id);
    expect(canonical.institution).toEqual(accepted.institution);
    expect(canonical.receivedAt).toBe('2024-03-20T04:00:00.000Z');
  });

  it('names the bulk import that brought an event, and nothing on a live one', () => {
    const accepted = validateEvent(EXAMPLE_EVENTS.visit[0], exampleValidationContext());
    if (!accepted.ok) throw new Error(JSON.stringify(accepted.errors));
    expect(toCanonicalEvent(accepted, pseudonymiser, receivedAt, '3f2a8c1e-6b1d-4f57-9a43-1b2c3d4e5f60').importId).toBe('3f2a8c1e-6b1d-4f57-9a43-1b2c3d4e5f60');
    expect(toCanonicalEvent(accepted, pseudonymiser, receivedAt)).not.toHaveProperty('importId');
  });

  it('carries both referral parties for referrals', () => {
    const accepted = validateEvent(EXAMPLE_EVENTS.referral[0], exampleValidationContext());
    if (!accepted.ok) throw new Error(JSON.stringify(accepted.errors));
    const canonical = toCanonicalEvent(accepted, pseudonymiser, receivedAt);
    expect(canonical.referralParties?.from.id).toBe(EXAMPLE_EVENTS.referral[0].fromInstitutionId);
    expect(canonical.referralParties?.to.id).toBe(EXAMPLE_EVENTS.referral[0].toInstitutionId);
  });

  it('forwards the birth year-month and the age at the event instead of the birth date', () => {
    const vaccination = EXAMPLE_EVENTS.vaccination[0];
    const accepted = validateEvent(vaccination, exampleValidationContext());
    if (!accepted.ok) throw new Error(JSON.stringify(accepted.errors));
    const canonical = toCanonicalEvent(accepted, pseudonymiser, receivedAt);
    expect(canonical.person?.birthYearMonth).toBe(vaccination.person.birthDate!.slice(0, 7));
    expect(typeof canonical.person?.ageYears).toBe('number');
    expect(JSON.stringify(canonical)).not.toContain(vaccination.person.birthDate!);
    expect(canonical.person).not.toHaveProperty('birthDate');
  });

  it("leaves a referral's free-text reason at the door", () => {
    const withReason = { ...EXAMPLE_EVENTS.referral[0], reason: 'Zhang San, born 1990-01-01, ID 610921199001011234' };
    const accepted = validateEvent(withReason, exampleValidationContext());
    if (!accepted.ok) throw new Error(JSON.stringify(accepted.errors));
    const canonical = toCanonicalEvent(accepted, pseudonymiser, receivedAt);
    expect(canonical).not.toHaveProperty('reason');
    expect(JSON.stringify(canonical)).not.toContain('Zhang San');
  });

  it('pseudonymises the patient of a disease report card and carries the card as sent', () => {
    const card = EXAMPLE_EVENTS.disease_report[0];
    const accepted = validateEvent(card, exampleValidationContext());
    if (!accepted.ok) throw new Error(JSON.stringify(accepted.errors));
    const canonical = toCanonicalEvent(accepted, pseudonymiser, receivedAt);
    expect(canonical.person?.id).toBe(pseudonymiser.pseudonym('resident_id', card.person!.id));
    expect(JSON.stringify(canonical)).not.toContain(card.person!.id);
    expect(canonical).toMatchObject({ disease: 'measles', classification: 'suspected', onsetDate: '2024-03-15', diagnosedAt: card.diagnosedAt });
  });

  it('forwards a day of syndromic counts without any person', () => {
    const counts = EXAMPLE_EVENTS.syndromic_count[0];
    const accepted = validateEvent(counts, exampleValidationContext());
    if (!accepted.ok) throw new Error(JSON.stringify(accepted.errors));
    const canonical = toCanonicalEvent(accepted, pseudonymiser, receivedAt);
    expect(canonical).not.toHaveProperty('person');
    expect(canonical).toMatchObject({ date: '2024-03-19', feverClinicVisits: 42, iliCases: 37, outpatientVisits: 1260 });
  });
});
