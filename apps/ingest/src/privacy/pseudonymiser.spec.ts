import { Pseudonymiser, pseudonymKeyId, PseudonymKey } from './pseudonymiser';

describe('Pseudonymiser', () => {
  const k1: PseudonymKey = { id: 'k1', secret: 'a-secret-of-at-least-thirty-two-chars!' };
  const k2: PseudonymKey = { id: 'k2', secret: 'the-second-key-of-at-least-thirty-two!' };
  const k3: PseudonymKey = { id: 'k3', secret: 'the-third-key-of-at-least-thirty-two-c' };
  const pseudonymiser = new Pseudonymiser([k1]);
  const ID = '11010519491231002X';

  it('is stable for one person and carries the key id', () => {
    const a = pseudonymiser.pseudonym('resident_id', ID);
    expect(a).toBe(pseudonymiser.pseudonym('resident_id', ID));
    expect(a).toMatch(/^hmac-sha256:k1:[0-9a-f]{64}$/);
    expect(pseudonymKeyId(a)).toBe('k1');
    expect(a).not.toContain(ID);
  });

  it('is the HMAC-SHA256 of `<idType>:<id>` under the one key before any rotation', () => {
    // A pinned value: pseudonyms stored before rotations existed must stay what they were.
    expect(new Pseudonymiser([{ id: 'k1', secret: 'pinned-secret-0123456789abcdef0123' }]).pseudonym('resident_id', ID)).toBe(
      'hmac-sha256:k1:72c64c7f74039a718ae513010c3ddcc1683c8ab777fa3dff0977aaaa4f0e9208',
    );
  });

  it('differs between people, document kinds and keys', () => {
    const a = pseudonymiser.pseudonym('resident_id', ID);
    expect(pseudonymiser.pseudonym('resident_id', '110105194912310021')).not.toBe(a);
    expect(pseudonymiser.pseudonym('passport', ID)).not.toBe(a);
    expect(new Pseudonymiser([{ ...k1, secret: 'another-secret-of-at-least-thirty-two!' }]).pseudonym('resident_id', ID)).not.toBe(a);
  });

  describe('after rotations', () => {
    const rotated = new Pseudonymiser([k1, k2, k3]);

    it('gives a stored pseudonym, brought forward without the clear ID, the value ingest now makes for that person', () => {
      const stored1 = pseudonymiser.pseudonym('resident_id', ID);
      const stored2 = new Pseudonymiser([k1, k2]).pseudonym('resident_id', ID);
      const now = rotated.pseudonym('resident_id', ID);
      expect(now).toMatch(/^hmac-sha256:k3:[0-9a-f]{64}$/);
      expect(rotated.rekeyed(stored1)).toBe(now);
      expect(rotated.rekeyed(stored2)).toBe(now);
      expect(rotated.rekeyed(now)).toBe(now);
    });

    it('keeps people apart and knows nothing of keys outside the chain', () => {
      expect(rotated.pseudonym('resident_id', '110105194912310021')).not.toBe(rotated.pseudonym('resident_id', ID));
      expect(rotated.rekeyed(new Pseudonymiser([{ id: 'k9', secret: k1.secret }]).pseudonym('resident_id', ID))).toBeUndefined();
      expect(rotated.rekeyed('not-a-pseudonym')).toBeUndefined();
      expect([rotated.currentKeyId, rotated.earlierKeyIds]).toEqual(['k3', ['k1', 'k2']]);
    });

    it('is not computable from the earlier keys alone', () => {
      // Whoever holds k1 (say, a default that was published) and k2 but not k3 cannot make the current pseudonym.
      const withoutNewest = new Pseudonymiser([k1, k2, { id: 'k3', secret: 'a-guess-at-the-newest-key-00000000000' }]);
      expect(withoutNewest.pseudonym('resident_id', ID)).not.toBe(rotated.pseudonym('resident_id', ID));
    });
  });
});
