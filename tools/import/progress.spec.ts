import { duration, progressLine } from './progress';

describe('import progress line', () => {
  it('shows rows, share, this run’s rate and the ETA from its byte rate', () => {
    expect(progressLine({ rows: 150_000, rejected: 12, runRows: 100_000, runBytes: 20_000_000, seconds: 20, offset: 30_000_000, size: 60_000_000 })).toBe(
      '150,000 rows · 50.0% · 5,000 rows/s · ETA 30s · 12 rejected',
    );
    expect(progressLine({ rows: 0, rejected: 0, runRows: 0, runBytes: 0, seconds: 0, offset: 0, size: 10 })).toContain('ETA …');
  });

  it('writes durations in the largest units', () => {
    expect([duration(59.4), duration(134), duration(7260)]).toEqual(['59s', '2m 14s', '2h 1m']);
  });
});
