import fc from 'fast-check';

/** Strings that have broken other systems: SQL, markup and template injection, odd Unicode. */
export const SQL_STRINGS = [
  "' OR '1'='1",
  "'; DROP TABLE event_ledger; --",
  '1; SELECT pg_sleep(5)',
  '" UNION SELECT token_hash FROM bureau_tokens --',
  "610921') OR 1=1 --",
  '$1',
  '%',
  '_',
  '\\',
  "E'\\x00'",
  'NULL',
  '0x27',
  "'||(SELECT version())||'",
];
export const SCRIPT_STRINGS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}',
  '${7*7}',
  '../../etc/passwd',
  '%00',
  '\r\nSet-Cookie: x=1',
];
export const ODD_UNICODE = [
  '\u202Eevil\u202C', // right-to-left override
  'a\u200Bb\u200Cc\u200Dd', // zero-width characters
  '\uFEFFbom',
  '\uD800',
  'x\uDC00',
  '\uDBFF\uDFFF', // byte-order mark, lone and paired surrogates
  '\u0000nul',
  '\u0007\u001b[31m', // control characters, an ANSI escape
  'e\u0301\u0301\u0301',
  '𝕳𝖊𝖑𝖑𝖔',
  '汉滨区卫生院',
  '\u3000\u00A0',
  'İı',
  'ﬃ',
];

/** The contract's own words: a nasty string must never happen to be one of them. */
const VOCABULARY = new Set(['visit', 'referral', 'vaccination', 'screening', 'family_doctor', 'chronic_followup', 'M', 'F']);

export const nastyString: fc.Arbitrary<string> = fc
  .oneof(
    fc.constantFrom(...SQL_STRINGS, ...SCRIPT_STRINGS, ...ODD_UNICODE),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.tuple(fc.constantFrom(...SQL_STRINGS), fc.constantFrom(...ODD_UNICODE)).map(([a, b]) => a + b),
  )
  .filter((s) => !VOCABULARY.has(s));
