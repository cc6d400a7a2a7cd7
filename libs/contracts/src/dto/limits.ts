/**
 * Size limits of contract v1. Every string and array has one: the ingest door must never copy an
 * unbounded value into Kafka, PostgreSQL or a log line. Generous for real systems, tight for garbage.
 */
export const EVENT_LIMITS = {
  /** `eventId`: 1–64 characters of `[A-Za-z0-9._:-]` (safe in URLs, keys and file names). */
  eventIdLength: 64,
  /** Institution, referral and team ids. */
  idLength: 64,
  /** Referral reason, free text. */
  reasonLength: 500,
  /** A person identifier in clear; resident IDs are 18, other kinds at most 32. */
  personIdLength: 32,
  /** Longest ISO 8601 timestamp with offset and nanoseconds: `2024-03-15T09:30:00.123456789+08:00`. */
  timestampLength: 35,
  /** `YYYY-MM-DD`. */
  dateLength: 10,
  /** The contract `version` is stored as a PostgreSQL integer. */
  maxVersion: 2_147_483_647,
  /** Cost in yuan of one visit or admission; above this it is a unit error (fen sent as yuan). */
  maxCostYuan: 10_000_000,
  /** Vaccine doses of the national programme run 1..5; 10 leaves room for boosters of later schedules. */
  maxDose: 10,
  /** One institution's visits in one day; the largest hospitals see about 20,000 outpatients a day. */
  maxDailyCount: 1_000_000,
} as const;

/** `eventId` alphabet (CONTRACT.md: chosen by the sender, reused on retries). */
export const EVENT_ID_PATTERN = /^[A-Za-z0-9._:-]+$/;
