export * from './target.types';
export { evaluateTarget, judgeCell, proRataCount } from './evaluate-target';
export { differenceInterval, wilsonInterval } from './intervals';
export { belowMinimumOfCases, observe } from './observation';
export { resolveTarget } from './resolve-target';
