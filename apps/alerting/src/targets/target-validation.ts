import { findIndicator, parseDims } from '@lib/indicators';
import type { Target } from '@lib/targets';

/** Problems with one target, for a 400 naming the item and field; [] when it is sound. Pure, so it has unit tests. */
export function targetProblems(target: Target): string[] {
  const problems: string[] = [];
  const def = findIndicator(target.indicator);
  if (!def) problems.push(`indicator: unknown indicator ${target.indicator}`);
  const defaultLevel = /^default:(institution|county|city|province)$/.exec(target.scope)?.[1];
  if (target.scope.startsWith('default:') && !defaultLevel) problems.push('scope: default scopes are default:<institution|county|city|province>');
  if (def && defaultLevel && !def.levels.includes(defaultLevel as never)) problems.push(`scope: ${def.code} is not read at ${defaultLevel} level`);
  if (def) {
    try {
      const keys = Object.keys(parseDims(target.dims)).sort();
      if (keys.join(',') !== [...def.dimensions].sort().join(',')) problems.push(`dims: ${def.code} takes ${def.dimensions.join(', ') || 'no dims'}`);
    } catch {
      problems.push('dims: not k=v;k=v');
    }
  }
  const rule = target.rule as unknown as Record<string, unknown>;
  const comparatorOk = rule.comparator === '>=' || rule.comparator === '<=';
  switch (rule?.kind) {
    case 'threshold':
      if (!comparatorOk || typeof rule.value !== 'number') problems.push('rule: threshold needs comparator (>= or <=) and value');
      problems.push(...paceProblems(rule));
      break;
    case 'change':
      if (!comparatorOk || (rule.unit !== 'pp' && rule.unit !== 'percent') || typeof rule.delta !== 'number')
        problems.push('rule: change needs comparator, unit (pp|percent) and delta');
      problems.push(...paceProblems(rule));
      break;
    case 'yearly_count':
      if (typeof rule.count !== 'number' || rule.count <= 0) problems.push('rule: yearly_count needs a positive count');
      problems.push(...weightsProblems(rule.monthlyWeights));
      break;
    default:
      problems.push('rule: kind is threshold, change or yearly_count');
  }
  return problems;
}

function paceProblems(rule: Record<string, unknown>): string[] {
  const pace = rule.pace === undefined || rule.pace === 'pro_rata' || rule.pace === 'year_end' ? [] : ['rule: pace is pro_rata or year_end'];
  return [...pace, ...weightsProblems(rule.monthlyWeights)];
}

function weightsProblems(weights: unknown): string[] {
  if (weights === undefined) return [];
  const valid = Array.isArray(weights) && weights.length === 12 && weights.every((w) => typeof w === 'number' && w >= 0) && weights.some((w) => w > 0);
  return valid ? [] : ['rule: monthlyWeights are 12 non-negative numbers, not all 0'];
}
