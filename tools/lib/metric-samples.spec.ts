import { histogramBuckets, quantileBetween, sampleOf } from './metric-samples';

const exposition = (counts: [string, number][], status = '200') =>
  counts.map(([le, n]) => `http_request_duration_seconds_bucket{le="${le}",app="query",route="/v1/x",method="GET",status="${status}"} ${n}`).join('\n');

describe('metric samples', () => {
  it('finds a series by its labels whatever their order', () => {
    const text = 'x_total{app="query",door="http"} 3\nx_total{door="kafka",app="query"} 5';
    expect(sampleOf(text, 'x_total', { door: 'kafka' })).toBe(5);
    expect(sampleOf(text, 'x_total', { door: 'import' })).toBe(0);
  });

  it('sums a histogram over the series that carry the labels asked for', () => {
    const text = `${exposition([
      ['0.001', 1],
      ['+Inf', 2],
    ])}\n${exposition(
      [
        ['0.001', 0],
        ['+Inf', 4],
      ],
      '404',
    )}`;
    expect(histogramBuckets(text, 'http_request_duration_seconds', { route: '/v1/x' })).toEqual(
      new Map([
        [0.001, 1],
        [Infinity, 6],
      ]),
    );
  });

  it('interpolates a quantile of the observations between two scrapes within its bucket', () => {
    const before = histogramBuckets(
      exposition([
        ['0.001', 100],
        ['0.005', 100],
        ['+Inf', 100],
      ]),
      'http_request_duration_seconds',
      {},
    );
    const after = histogramBuckets(
      exposition([
        ['0.001', 150],
        ['0.005', 200],
        ['+Inf', 200],
      ]),
      'http_request_duration_seconds',
      {},
    );
    // 100 new observations: 50 under 1 ms, 50 between 1 and 5 ms.
    expect(quantileBetween(before, after, 0.5)).toBeCloseTo(0.001);
    expect(quantileBetween(before, after, 0.99)).toBeCloseTo(0.001 + 0.004 * (49 / 50));
    expect(quantileBetween(before, before, 0.99)).toBeNaN();
  });

  it('answers the highest finite bound for a quantile beyond it', () => {
    const after = histogramBuckets(
      exposition([
        ['0.001', 1],
        ['+Inf', 10],
      ]),
      'http_request_duration_seconds',
      {},
    );
    expect(quantileBetween(new Map(), after, 0.99)).toBe(0.001);
  });
});
