// Kept apart from the pure lib's index: importing the domain (evaluateTarget) must not pull in Nest or pg.
export * from './alert.types';
export { AlertsRepository } from './alerts.repository';
export type { AlertFilter } from './alerts.repository';
export type { Db } from './db';
export { TargetsRepository } from './targets.repository';
export type { StoredTarget } from './targets.repository';
export { TargetJudge } from './target-judge.service';
export type { CellToJudge, JudgedCell } from './target-judge.service';
export { TargetsStoreModule } from './targets-store.module';
