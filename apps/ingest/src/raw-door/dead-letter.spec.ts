import { deadLetter } from './dead-letter';

describe('deadLetter', () => {
  const message = { partition: 0, offset: '7', key: null, value: Buffer.from('{}'), timestamp: '0', headers: {} };
  const now = new Date('2024-03-20T04:00:00Z');

  it('masks digit runs that could be ID numbers in every error, and never echoes such an eventId', () => {
    const letter = deadLetter(
      'raw',
      message,
      { eventId: '610921199001011234', institutionId: '610921-THC-001' },
      [
        { path: 'person.610921198506120028', code: 'unknown_field', message: 'person.610921198506120028 is not a field' },
        { path: '', code: 'invalid_json', message: 'Unexpected token near "610921900101123"' },
      ],
      now,
    );
    expect(JSON.stringify(letter)).not.toMatch(/\d{15}/);
    expect(letter.eventId).toBeUndefined();
    expect(letter.institutionId).toBe('610921-THC-001');
    expect(letter.errors[0].path).toBe('person.[id number masked]');
  });
});
