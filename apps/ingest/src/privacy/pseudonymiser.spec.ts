import { Pseudonymiser } from './pseudonymiser';

describe('Pseudonymiser', () => {
  const pseudonymiser = new Pseudonymiser('a-secret-of-at-least-thirty-two-chars!', 'k1');

  it('is stable for one person and carries the key id', () => {
    const a = pseudonymiser.pseudonym('resident_id', '11010519491231002X');
    expect(a).toBe(pseudonymiser.pseudonym('resident_id', '11010519491231002X'));
    expect(a).toMatch(/^hmac-sha256:k1:[0-9a-f]{64}$/);
    expect(a).not.toContain('11010519491231002X');
  });

  it('differs between people, document kinds and keys', () => {
    const a = pseudonymiser.pseudonym('resident_id', '11010519491231002X');
    expect(pseudonymiser.pseudonym('resident_id', '110105194912310021')).not.toBe(a);
    expect(pseudonymiser.pseudonym('passport', '11010519491231002X')).not.toBe(a);
    expect(new Pseudonymiser('another-secret-of-at-least-thirty-two!', 'k1').pseudonym('resident_id', '11010519491231002X')).not.toBe(a);
  });
});
