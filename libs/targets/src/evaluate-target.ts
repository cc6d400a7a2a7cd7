import { elapsedShareOf, parsePeriod } from '@lib/periods';
import { Evaluation, Observation, Status, Target, YearlyCountTarget } from './target.types';

/**
 * Three-colour status (三色预警) of one observation against one target at `now`: green on track,
 * yellow short by no more than the tolerance, red behind. Pure: the clock is an argument, so time
 * alone (a pro-rata count falling behind) is testable.
 */
export function evaluateTarget(target: Target, period: string, observation: Observation, now: Date): Evaluation {
  const { rule } = target;
  const actual = observation.value;
  if (actual === null) return none('no_value');

  if (rule.kind === 'yearly_count') {
    const expected = proRataCount(rule, period, now);
    if (expected === null) return none('not_started', actual);
    if (expected < target.minDenominator) return none('small_denominator', actual, expected);
    const gap = actual - expected;
    const status = gap >= 0 ? 'green' : gap >= -target.tolerance * expected ? 'yellow' : 'red';
    return { status, expected, actual, gap };
  }

  if (observation.denominator !== null && observation.denominator < target.minDenominator) return none('small_denominator', actual);

  let expected: number;
  if (rule.kind === 'threshold') expected = rule.value;
  else {
    const previous = observation.previousYearValue;
    if (previous === undefined || previous === null) return none('no_previous_year', actual);
    expected = rule.unit === 'pp' ? previous + rule.delta : previous * (1 + rule.delta);
  }
  const gap = rule.comparator === '>=' ? actual - expected : expected - actual;
  return { status: band(gap, target.tolerance), expected, actual, gap };
}

function band(gap: number, tolerance: number): Status {
  // A tiny epsilon keeps 0.95 reached as 0.95 (floating point) green, not yellow.
  if (gap >= -1e-12) return 'green';
  return gap >= -tolerance - 1e-12 ? 'yellow' : 'red';
}

/**
 * The share of a yearly count due by `now` for a period of the target's year: the elapsed share of the
 * year's days (to the period's end, or to `now` while it runs), or with monthly weights, each month's
 * weight times its elapsed share.
 */
export function proRataCount(rule: YearlyCountTarget, period: string, now: Date): number | null {
  const p = parsePeriod(period);
  const yearEnd = p.end.getTime() <= now.getTime() ? p.end : now;
  const year = String(p.year);
  const elapsed = elapsedShareOf(year, yearEnd);
  if (elapsed <= 0) return null;
  const weights = rule.monthlyWeights;
  if (!weights || weights.length !== 12) return rule.count * elapsed;
  const total = weights.reduce((a, b) => a + b, 0);
  if (total <= 0) return null;
  let due = 0;
  for (let month = 1; month <= 12; month++) {
    const id = `${year}${String(month).padStart(2, '0')}`;
    due += weights[month - 1] * elapsedShareOf(id, yearEnd);
  }
  return (rule.count * due) / total;
}

function none(reason: Evaluation['reason'], actual: number | null = null, expected: number | null = null): Evaluation {
  return { status: 'none', expected, actual, gap: null, reason };
}
