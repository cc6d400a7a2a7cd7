import { copyText } from './copy-rows';

describe('copyText (COPY text format)', () => {
  it('writes null as \\N and escapes what would end a field or a row', () => {
    expect(copyText(null)).toBe('\\N');
    expect(copyText('cohort=2023;dose=3;vaccine=HepB')).toBe('cohort=2023;dose=3;vaccine=HepB');
    expect(copyText(-42)).toBe('-42');
    expect(copyText('a\tb\nc\rd\\N')).toBe('a\\tb\\nc\\rd\\\\N');
  });
});
