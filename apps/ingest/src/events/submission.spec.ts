import { BadRequestException } from '@nestjs/common';
import { MAX_BATCH_EVENTS, readSubmission } from './submission';

const codeOf = (body: unknown) => {
  try {
    readSubmission(body);
    return 'ok';
  } catch (error) {
    return ((error as BadRequestException).getResponse() as { code: string }).code;
  }
};

describe('readSubmission', () => {
  it('takes one event or a batch', () => {
    expect(readSubmission({ eventId: 'a' })).toEqual({ batch: false, events: [{ eventId: 'a' }] });
    expect(readSubmission({ events: [{ eventId: 'a' }, 1] })).toEqual({ batch: true, events: [{ eventId: 'a' }, 1] });
  });

  it('refuses bodies of neither form with a code', () => {
    expect(codeOf([{ eventId: 'a' }])).toBe('invalid_body');
    expect(codeOf('text')).toBe('invalid_body');
    expect(codeOf(null)).toBe('invalid_body');
    expect(codeOf({ events: {} })).toBe('invalid_batch');
    expect(codeOf({ events: [] })).toBe('invalid_batch');
    expect(codeOf({ events: new Array(MAX_BATCH_EVENTS + 1).fill({}) })).toBe('batch_too_large');
  });
});
