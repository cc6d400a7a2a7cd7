import {
  containsResidentIdNumber,
  hasIdLikeRun,
  isValidPersonId,
  isValidResidentId,
  maskIdNumbers,
  normalizePersonId,
  residentIdCheckChar,
} from './resident-id';

describe('resident ID (GB 11643-1999)', () => {
  it('accepts the worked examples of the standard', () => {
    // Independent of our arithmetic: these two appear in GB 11643-1999 itself.
    expect(isValidResidentId('11010519491231002X')).toBe(true);
    expect(isValidResidentId('440524188001010014')).toBe(true);
  });

  it.each([
    ['610921199001011234', '4'],
    ['610921198506120028', '8'],
    ['61092119900101120X', 'X'],
    ['610921202309200028', '8'],
  ])('computes the check character of %s', (id, check) => {
    expect(residentIdCheckChar(id.slice(0, 17))).toBe(check);
    expect(isValidResidentId(id)).toBe(true);
  });

  it('rejects every wrong check character', () => {
    const first17 = '61092119900101123';
    for (const c of '0123456789X') {
      expect(isValidResidentId(first17 + c)).toBe(c === '4');
    }
  });

  it('catches a single mistyped digit and a swap of neighbouring digits', () => {
    expect(isValidResidentId('610921199001011334')).toBe(false);
    expect(isValidResidentId('610921190901011234')).toBe(false);
  });

  it('accepts a lower-case x, which normalisation upper-cases', () => {
    expect(isValidResidentId('11010519491231002x')).toBe(true);
    expect(normalizePersonId('11010519491231002x')).toBe('11010519491231002X');
  });

  it('rejects an embedded birth date that is not a calendar date, even with a matching check character', () => {
    for (const first17 of ['61092119900230123', '61092119901301123', '61092119900100123', '61092117990101123', '61092119000229123']) {
      const id = first17 + residentIdCheckChar(first17);
      expect(isValidResidentId(id)).toBe(false);
    }
    const leapDay = '61092120000229123';
    expect(isValidResidentId(leapDay + residentIdCheckChar(leapDay))).toBe(true);
  });

  it.each([
    '',
    '61092119900101123',
    '6109211990010112345',
    '61092119900101123Y',
    'A10921199001011234',
    ' 610921199001011234',
    '６１０９２１１９９００１０１１２３４',
  ])('rejects malformed %p', (id) => expect(isValidResidentId(id)).toBe(false));

  it.each([null, undefined, 610921199001011234, {}, []])('rejects non-strings (%p)', (value) => {
    expect(isValidResidentId(value)).toBe(false);
  });

  it('checks other identifier kinds only for 4–32 letters and digits', () => {
    expect(isValidPersonId('E12345678', 'passport')).toBe(true);
    expect(isValidPersonId('H1234567890', 'hk_macao_permit')).toBe(true);
    expect(isValidPersonId('ABC', 'passport')).toBe(false);
    expect(isValidPersonId('A'.repeat(33), 'passport')).toBe(false);
    expect(isValidPersonId('E-1234567', 'passport')).toBe(false);
    expect(isValidPersonId('610921199001011234')).toBe(true);
    expect(isValidPersonId('E12345678')).toBe(false);
  });
});

describe('resident ID numbers inside other text', () => {
  it.each([
    ['an 18-digit number with its check digit', '610921199001011234'],
    ['one with an X check character, in lower case', 'REF-61092119900101104x'],
    ['a 15-digit first-generation number', 'T610921900101123'],
    ['one between separators', 'HIS:610921199001011234:2024'],
  ])('finds %s', (_name, text) => expect(containsResidentIdNumber(text)).toBe(true));

  it.each([
    ['18 digits with a wrong check digit', '610921199001011235'],
    ['16 digits', '6109211990010112'],
    ['a 20-digit timestamp-like run', '20240315093000123456'],
    ['an ordinary identifier', 'HIS-0001-2024-000123'],
  ])('leaves alone %s', (_name, text) => expect(containsResidentIdNumber(text)).toBe(false));

  it('masks every run of 15 or more digits, with a trailing check character', () => {
    expect(maskIdNumbers('a.610921199001011234.b 61092119900101104X 610921900101123 12345678901234')).toBe(
      'a.[id number masked].b [id number masked] [id number masked] 12345678901234',
    );
    expect(hasIdLikeRun('x610921900101123')).toBe(true);
    expect(hasIdLikeRun('12345678901234')).toBe(false);
  });
});
