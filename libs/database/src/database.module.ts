import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { HealthIndicatorService, TerminusModule } from '@nestjs/terminus';
import { Pool } from 'pg';
import type { BaseEnvironment } from '@lib/config';

/** The app's one PostgreSQL pool. Repositories inject it; services never touch `pg` directly. */
export const PG_POOL = Symbol('PG_POOL');

@Injectable()
export class DatabaseHealthCheck {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly indicator: HealthIndicatorService,
  ) {}

  async check() {
    const postgres = this.indicator.check('postgres');
    try {
      await this.pool.query('SELECT 1');
      return postgres.up();
    } catch (error) {
      return postgres.down({ message: (error as Error).message });
    }
  }
}

@Injectable()
class PoolCloser implements OnApplicationShutdown {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async onApplicationShutdown() {
    await this.pool.end();
  }
}

@Global()
@Module({
  imports: [TerminusModule],
  providers: [
    {
      provide: PG_POOL,
      inject: [ConfigService],
      useFactory: (config: ConfigService<BaseEnvironment, true>) => {
        const pool = new Pool({
          connectionString: config.get('DATABASE_URL', { infer: true }),
          max: config.get('DATABASE_POOL_MAX', { infer: true }),
          application_name: 'health-indicators',
          // The apps run short queries; PostgreSQL's JIT compiles any plan whose estimate passes
          // jit_above_cost, which costs 50–200 ms per statement: more than the query itself (an
          // aggregator transaction's member load or counter fold paid it on every batch).
          options: '-c jit=off',
        });
        // An idle client losing its connection (database restart) must not crash the process.
        pool.on('error', () => undefined);
        return pool;
      },
    },
    PoolCloser,
    DatabaseHealthCheck,
  ],
  exports: [PG_POOL, DatabaseHealthCheck],
})
export class DatabaseModule {}
