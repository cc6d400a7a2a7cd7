import { Type } from 'class-transformer';
import { IsIn, IsInt, Matches, Max, MaxLength, Min, registerDecorator, ValidationArguments } from 'class-validator';
import { BaseEnvironment, DEVELOPMENT_ADMIN_TOKEN, DEVELOPMENT_PSEUDONYM_SECRET, NeverEchoed, Secret, ToBoolean } from '@lib/config';
import { PreviousPseudonymKeys } from './privacy/pseudonym-keys';
import { RAW_SIGNATURE_POLICIES, RawSignaturePolicy } from './raw-door/producer-identity';

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

  /**
   * Whether raw messages must carry an institution's signature (docs/reliability.md, trust model):
   * `required` (the default, and the only value production accepts) or `optional` (unsigned messages
   * pass; signed ones are still verified).
   */
  @IsIn(RAW_SIGNATURE_POLICIES)
  @SignaturesRequiredInProduction()
  RAW_DOOR_SIGNATURES: RawSignaturePolicy = 'required';

  /**
   * Bytes one fetch of the raw topic brings of each partition (256 KiB: a few hundred events). Small,
   * so a fetch across many partitions holds little, compressed or inflated; a larger batch still comes whole, alone.
   */
  @Type(() => Number)
  @IsInt()
  @Min(16_384)
  @Max(16_777_216)
  RAW_DOOR_FETCH_BYTES_PER_PARTITION: number = 262_144;

  /**
   * Chunks of a bulk import (1000 rows each) handed to the intake before the oldest is settled: with a
   * few in flight the producer gathers their sends into shared produce requests and one chunk's
   * validation overlaps another's I/O. Small, so what is in flight (and resent after a kill) stays a
   * few thousand rows.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(16)
  IMPORT_CHUNKS_IN_FLIGHT: number = 3;
}

/** Production refuses unsigned raw messages: one could claim any institution. */
function SignaturesRequiredInProduction(): PropertyDecorator {
  return (target, key) =>
    registerDecorator({
      name: 'signaturesRequiredInProduction',
      target: target.constructor,
      propertyName: key as string,
      validator: {
        validate: (value: unknown, args: ValidationArguments) => (args.object as IngestEnvironment).NODE_ENV !== 'production' || value === 'required',
        defaultMessage: () => `${String(key)} must be "required" in production: an unsigned raw message could claim any institution`,
      },
    });
}
