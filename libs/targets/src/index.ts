export * from './target.types';
export { evaluateTarget, proRataCount } from './evaluate-target';
export { resolveTarget } from './resolve-target';
