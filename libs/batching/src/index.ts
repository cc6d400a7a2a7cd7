export { GroupCommit } from './group-commit';
export type { GroupCommitOptions } from './group-commit';
