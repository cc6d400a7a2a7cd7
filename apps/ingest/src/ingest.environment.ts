import { Type } from 'class-transformer';
import { IsInt, Matches, Max, MaxLength, Min } from 'class-validator';
import { BaseEnvironment, DEVELOPMENT_ADMIN_TOKEN, DEVELOPMENT_PSEUDONYM_SECRET, NeverEchoed, Secret, ToBoolean } from '@lib/config';
import { PreviousPseudonymKeys } from './privacy/pseudonym-keys';

/** Variables of the ingest app (see .env.example). */
export class IngestEnvironment extends BaseEnvironment {
  override PORT: number = 3001;

  /** Operator's token for /v1/admin/* (registry, keys, tokens). */
  @Secret()
  ADMIN_TOKEN = DEVELOPMENT_ADMIN_TOKEN;

  /** Key of the HMAC that pseudonymises person identifiers at the door: the newest key of the chain. */
  @Secret()
  PSEUDONYM_SECRET = DEVELOPMENT_PSEUDONYM_SECRET;

  /** Id of that key, written into every pseudonym (a new one with every rotation). */
  @Matches(/^[a-z0-9]{1,8}$/i)
  PSEUDONYM_KEY_ID = 'k1';

  /**
   * The keys PSEUDONYM_SECRET succeeded, oldest first (`<keyId>:<secret>,...`; empty before the first
   * rotation): pseudonyms chain through them, so one person keeps one pseudonym across rotations.
   */
  @PreviousPseudonymKeys()
  @NeverEchoed()
  PSEUDONYM_PREVIOUS_KEYS = '';

  /** How far back `occurredAt` may lie (days); older periods are closed. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3650)
  EVENT_MAX_AGE_DAYS: number = 400;

  /** How far ahead of the server clock `occurredAt` may lie (seconds). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(86400)
  EVENT_MAX_CLOCK_SKEW_SECONDS: number = 300;

  /** Largest accepted request body, e.g. 4mb (a batch of 1000 events is about 1 MB). */
  @Matches(/^\d+(kb|mb)$/)
  @MaxLength(8)
  INGEST_BODY_LIMIT = '4mb';

  /** Requests per minute one API key may make. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  INGEST_RATE_LIMIT_PER_MINUTE: number = 1200;

  /** Whether this process also normalises the raw Kafka topic (the Kafka door). */
  @ToBoolean()
  RAW_DOOR_ENABLED: boolean = true;
}
