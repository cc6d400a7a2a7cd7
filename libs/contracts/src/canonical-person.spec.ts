import { canonicalPerson } from './canonical-person';

describe('canonicalPerson', () => {
  const woman = { id: '610921198906150028', sex: 'F' as const, birthDate: '1989-06-15', residenceRegion: '610921' };

  it('forwards the birth year-month and the age on the day of the event, never the birth date', () => {
    const person = canonicalPerson(woman, '2024-06-15T09:00:00+08:00', 'hmac-sha256:k1:abc');
    expect(person).toEqual({ id: 'hmac-sha256:k1:abc', idType: 'resident_id', sex: 'F', birthYearMonth: '1989-06', ageYears: 35, residenceRegion: '610921' });
    expect(JSON.stringify(person)).not.toContain('1989-06-15');
  });

  it('counts the age in completed years on the CST day: 34 the day before the 35th birthday', () => {
    expect(canonicalPerson(woman, '2024-06-14T23:59:00+08:00', 'p').ageYears).toBe(34);
    // 16:30 UTC on the 14th is already the 15th in China.
    expect(canonicalPerson(woman, '2024-06-14T16:30:00Z', 'p').ageYears).toBe(35);
  });

  it('reads a 29 February birthday as passed on 1 March of a common year', () => {
    const leap = { ...woman, birthDate: '2000-02-29' };
    expect(canonicalPerson(leap, '2023-02-28T12:00:00+08:00', 'p').ageYears).toBe(22);
    expect(canonicalPerson(leap, '2023-03-01T12:00:00+08:00', 'p').ageYears).toBe(23);
  });

  it('leaves out what was not sent', () => {
    expect(canonicalPerson({ id: 'E12345678', idType: 'passport' }, '2024-06-15T09:00:00+08:00', 'p')).toEqual({ id: 'p', idType: 'passport' });
  });
});
