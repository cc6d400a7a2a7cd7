import 'reflect-metadata';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsString, Matches, Max, Min, ValidateIf } from 'class-validator';
import { KAFKA_SASL_MECHANISMS, KafkaSaslMechanism, RequiredInProduction } from './kafka-credentials';
import { Secret, UrlWithSecret } from './secrets';
import { TrustProxy } from './trust-proxy';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Variables every app reads. Each app extends this with its own and gives PORT its default.
 * Defaults work on a developer machine of this project (services on 127.0.0.1).
 */
export class BaseEnvironment {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  /**
   * The access log writes every answer ≥ 400 and every abandoned request, and one in this many of the
   * others (at info, marked `sampled`): 1 logs every request, 0 none. Metrics count them all.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  LOG_REQUEST_SAMPLE_EVERY: number = 100;

  /** Interface the HTTP server binds to; containers set 0.0.0.0. */
  @IsString()
  HOST = '127.0.0.1';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT: number;

  /**
   * Which peers may say who the client is (X-Forwarded-For): `false` when clients connect directly,
   * `1` behind one ingress or load balancer. Failed authentications are counted per client address.
   */
  @TrustProxy()
  TRUST_PROXY = 'false';

  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// URL' })
  @UrlWithSecret()
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/health';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_MAX: number = 10;

  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must be a redis:// URL' })
  @UrlWithSecret()
  REDIS_URL = 'redis://127.0.0.1:6379/0';

  /** Prefix of every Redis key, so several deployments (or test runs) can share one Redis. */
  @Matches(/^[a-z0-9:_-]*$/i)
  REDIS_KEY_PREFIX = 'hi:';

  /** Comma-separated host:port list. */
  @Matches(/^[\w.-]+:\d{1,5}(,[\w.-]+:\d{1,5})*$/, { message: 'KAFKA_BROKERS must be host:port[,host:port...]' })
  KAFKA_BROKERS = '127.0.0.1:9092';

  /**
   * How this app authenticates to the brokers (empty: no authentication, a developer's plaintext
   * broker only). Each app has its own principal, and the broker's ACLs say what it may read and
   * write (docs/reliability.md, trust model).
   */
  @IsIn(['', ...KAFKA_SASL_MECHANISMS])
  @RequiredInProduction()
  KAFKA_SASL_MECHANISM: KafkaSaslMechanism | '' = '';

  /** This app's Kafka principal (User:<name>), e.g. `ingest`. */
  @ValidateIf((env: BaseEnvironment) => env.KAFKA_SASL_MECHANISM !== '' || env.NODE_ENV === 'production')
  @Matches(/^[a-z0-9._-]+$/i, { message: 'KAFKA_SASL_USERNAME must be set with KAFKA_SASL_MECHANISM (letters, digits, . _ -)' })
  KAFKA_SASL_USERNAME = '';

  @ValidateIf((env: BaseEnvironment) => env.KAFKA_SASL_MECHANISM !== '' || env.NODE_ENV === 'production')
  @Secret()
  KAFKA_SASL_PASSWORD = '';

  /** Prefix added to every topic name; empty in production, used to isolate test runs. */
  @Matches(/^[a-z0-9._-]*$/i)
  KAFKA_TOPIC_PREFIX = '';

  /** Replication factor for topics the project creates (3 in a production cluster). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5)
  KAFKA_REPLICATION_FACTOR: number = 1;

  /**
   * How long a consumer may be silent before the group gives its partitions to another member:
   * after a crash, the partitions wait this long. The broker's minimum is 6000.
   */
  @Type(() => Number)
  @IsInt()
  @Min(6000)
  @Max(300000)
  KAFKA_SESSION_TIMEOUT_MS: number = 15000;

  /**
   * How long a producer's send waits for other sends to share its produce request when none is in
   * flight (Kafka's linger.ms): a little latency for fewer, fuller requests under concurrent load.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100)
  KAFKA_PRODUCER_LINGER_MS: number = 1;

  /** Kafka consumer-group prefix, so several deployments can share a cluster. */
  @Matches(/^[a-z0-9._-]+$/i)
  KAFKA_GROUP_PREFIX = 'health';
}

/**
 * A boolean variable: "true"/"1" are true, anything else false (implicit conversion would treat
 * "false" as true). Also a validation rule, so the variable is declared like every other.
 */
export const ToBoolean = () => (target: object, propertyName: string) => {
  Transform(({ obj, key }) => {
    const raw = (obj as Record<string, unknown>)[key];
    return raw === true || raw === 'true' || raw === '1';
  })(target, propertyName);
  IsBoolean()(target, propertyName);
};
