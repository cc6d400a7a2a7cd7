export { DatabaseHealthCheck, DatabaseModule, PG_POOL } from './database.module';
export { ensureDatabase, migrate, MIGRATIONS_DIR } from './migrations';
export { inTransaction } from './transaction';
export { copyRows, copyText, lazyMap, stagedColumns, stageRows, textArrayLiteral } from './copy-rows';
export type { CopyValue, StagingTable } from './copy-rows';
