export * from './target.types';
export { evaluateTarget, judgeCell, proRataCount } from './evaluate-target';
export { differenceInterval, wilsonInterval } from './intervals';
export { observe } from './observation';
export { resolveTarget } from './resolve-target';
