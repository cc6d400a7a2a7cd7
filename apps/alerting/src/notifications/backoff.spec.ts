import { afterFailure, backoffMs } from './backoff';

describe('exponential backoff', () => {
  it('doubles from the base and stops at the cap', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(n, 1000, 10_000))).toEqual([1000, 2000, 4000, 8000, 10_000]);
    expect(backoffMs(200, 1000, 60_000)).toBe(60_000);
    expect(backoffMs(0, 1000, 60_000)).toBe(0);
  });

  it('gives up to the dead-letter list after N attempts', () => {
    expect(afterFailure(1, 3, 100, 1000)).toEqual({ deadLetter: false, retryInMs: 100 });
    expect(afterFailure(2, 3, 100, 1000)).toEqual({ deadLetter: false, retryInMs: 200 });
    expect(afterFailure(3, 3, 100, 1000)).toEqual({ deadLetter: true });
  });
});
