import { CATALOGUE } from '../catalogue/catalogue';
import { personPartsOfSubjects, subjectKeyPart } from './subjects';

describe('subject keys', () => {
  it('escape the separator, so a part never splits', () => {
    expect(subjectKeyPart('hmac-sha256:k1:ab')).toBe('hmac-sha256%3Ak1%3Aab');
    expect(subjectKeyPart('50%:x')).toBe('50%25%3Ax');
  });

  it('say where the person sits in every subject keyed by one (what a pseudonym re-key rewrites)', () => {
    expect(Object.fromEntries(personPartsOfSubjects(CATALOGUE))).toEqual({ vax: 2, scr: 2, fd: 2, chronic: 2 });
  });
});
