import type { Pool, PoolClient } from 'pg';

/** A pool or a client inside a transaction: repositories take either, so one transaction can span tables. */
export type Db = Pool | PoolClient;
