import type { FactCondition, FactValue, Filter } from '../indicator.types';

/** A filter as a function of an event's facts. */
export type FactTest = (facts: Readonly<Record<string, FactValue | undefined>>) => boolean;

const always: FactTest = () => true;

/**
 * A declarative filter (`engine/filter.ts`) as a closure: the conditions are read once here, not
 * on every event, and each fact is tested without walking the filter object. Same semantics as
 * `matchesFilter`, which stays the reference (`compiled-engine.property.spec.ts`).
 */
export function compileFilter(filter: Filter | undefined): FactTest {
  if (!filter) return always;
  const tests = Object.entries(filter).map(([fact, condition]) => compileCondition(fact, condition));
  if (tests.length === 0) return always;
  if (tests.length === 1) return tests[0];
  return (facts) => {
    for (const test of tests) if (!test(facts)) return false;
    return true;
  };
}

function compileCondition(fact: string, condition: FactCondition): FactTest {
  if (Array.isArray(condition)) {
    const allowed = new Set<FactValue>(condition);
    return (facts) => {
      const value = facts[fact];
      return value !== undefined && allowed.has(value);
    };
  }
  if (typeof condition === 'object') {
    if ('not' in condition) {
      const not = condition.not;
      if (Array.isArray(not)) {
        const refused = new Set<FactValue>(not);
        return (facts) => {
          const value = facts[fact];
          return value === undefined || !refused.has(value);
        };
      }
      return (facts) => facts[fact] !== not;
    }
    const { min, max } = condition as { min?: number; max?: number };
    return (facts) => {
      const value = facts[fact];
      return typeof value === 'number' && (min === undefined || value >= min) && (max === undefined || value <= max);
    };
  }
  return (facts) => facts[fact] === condition;
}
