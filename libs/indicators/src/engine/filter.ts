import { FactCondition, FactValue, Filter } from '../indicator.types';

function isList(c: FactCondition): c is readonly FactValue[] {
  return Array.isArray(c);
}

function conditionHolds(value: FactValue | undefined, condition: FactCondition): boolean {
  if (isList(condition)) return value !== undefined && condition.includes(value);
  if (typeof condition === 'object') {
    if ('not' in condition) {
      const not = condition.not;
      return isList(not) ? value === undefined || !not.includes(value) : value !== not;
    }
    if (typeof value !== 'number') return false;
    return (condition.min === undefined || value >= condition.min) && (condition.max === undefined || value <= condition.max);
  }
  return value === condition;
}

/** Whether facts satisfy every condition of a filter; an absent filter matches everything. */
export function matchesFilter(facts: Readonly<Record<string, FactValue | undefined>>, filter: Filter | undefined): boolean {
  if (!filter) return true;
  for (const [fact, condition] of Object.entries(filter)) {
    if (!conditionHolds(facts[fact], condition)) return false;
  }
  return true;
}
