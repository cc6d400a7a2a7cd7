import type { Interval, Share } from './target.types';

/** Two-sided 95%. */
const Z = 1.959963984540054;

/**
 * Wilson score interval of a share (Wilson 1927): unlike the textbook p ± z·√(p(1−p)/n) it stays inside
 * 0..1 and keeps its width at 0% and 100% (30 of 30 patients is not "certainly 100%"), which is where
 * small regions' shares sit.
 */
export function wilsonInterval({ successes, trials }: Share): Interval {
  const p = successes / trials;
  const z2 = Z * Z;
  const scale = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / scale;
  const half = (Z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / scale;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/**
 * Interval of the difference of two independent shares, `current − previous`, by Newcombe's hybrid score
 * method (Newcombe 1998, method 10), built from the two Wilson intervals: both years' noise counts when a
 * target asks for "+1 pp on last year".
 */
export function differenceInterval(current: Share, previous: Share): Interval {
  const p1 = current.successes / current.trials;
  const p0 = previous.successes / previous.trials;
  const w1 = wilsonInterval(current);
  const w0 = wilsonInterval(previous);
  const d = p1 - p0;
  return {
    low: d - Math.hypot(p1 - w1.low, w0.high - p0),
    high: d + Math.hypot(w1.high - p1, p0 - w0.low),
  };
}
