import { HttpException, HttpStatus } from '@nestjs/common';

/**
 * The machine-readable codes the query, ingest and alerting APIs answer (and their credential guards), each
 * with its one HTTP status. Public contract: a code and its status never change. The admin API keeps
 * its own table (AdminError), where `unknown_region` is a refused registration (422).
 */
export const API_ERROR_STATUS = {
  // A request that cannot be read.
  invalid_json: HttpStatus.BAD_REQUEST,
  invalid_utf8: HttpStatus.BAD_REQUEST,
  unreadable_body: HttpStatus.BAD_REQUEST,
  nul_character: HttpStatus.BAD_REQUEST,
  body_too_large: HttpStatus.PAYLOAD_TOO_LARGE,
  unsupported_encoding: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  unsupported_charset: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  unsupported_media_type: HttpStatus.UNSUPPORTED_MEDIA_TYPE,

  // Credentials.
  missing_api_key: HttpStatus.UNAUTHORIZED,
  invalid_api_key: HttpStatus.UNAUTHORIZED,
  missing_bureau_token: HttpStatus.UNAUTHORIZED,
  invalid_bureau_token: HttpStatus.UNAUTHORIZED,
  token_in_url_refused: HttpStatus.UNAUTHORIZED,
  invalid_admin_token: HttpStatus.UNAUTHORIZED,
  too_many_auth_failures: HttpStatus.TOO_MANY_REQUESTS,
  out_of_scope: HttpStatus.FORBIDDEN,

  // Ingest's submissions.
  invalid_body: HttpStatus.BAD_REQUEST,
  invalid_batch: HttpStatus.BAD_REQUEST,
  batch_too_large: HttpStatus.BAD_REQUEST,
  not_durable: HttpStatus.SERVICE_UNAVAILABLE,

  // Query's parameters.
  invalid_period: HttpStatus.BAD_REQUEST,
  unsupported_period: HttpStatus.BAD_REQUEST,
  invalid_range: HttpStatus.BAD_REQUEST,
  range_too_long: HttpStatus.BAD_REQUEST,
  invalid_level: HttpStatus.BAD_REQUEST,
  unsupported_level: HttpStatus.BAD_REQUEST,
  level_above_region: HttpStatus.BAD_REQUEST,
  invalid_region: HttpStatus.BAD_REQUEST,
  unknown_parameter: HttpStatus.BAD_REQUEST,
  missing_dimension: HttpStatus.BAD_REQUEST,
  invalid_dimension: HttpStatus.BAD_REQUEST,
  invalid_state: HttpStatus.BAD_REQUEST,
  invalid_id: HttpStatus.BAD_REQUEST,
  invalid_part: HttpStatus.BAD_REQUEST,
  invalid_limit: HttpStatus.BAD_REQUEST,
  invalid_cursor: HttpStatus.BAD_REQUEST,
  invalid_subscription: HttpStatus.BAD_REQUEST,
  population_denominator: HttpStatus.BAD_REQUEST,
  previous_year_denominator: HttpStatus.BAD_REQUEST,
  unknown_population_group: HttpStatus.BAD_REQUEST,
  unknown_indicator: HttpStatus.NOT_FOUND,
  unknown_region: HttpStatus.NOT_FOUND,

  // Alerts and silences.
  alert_not_found: HttpStatus.NOT_FOUND,
  alert_not_open: HttpStatus.NOT_FOUND,
  silence_not_found: HttpStatus.NOT_FOUND,
  silence_not_active: HttpStatus.NOT_FOUND,
  empty_matcher: HttpStatus.BAD_REQUEST,
  ends_before_start: HttpStatus.BAD_REQUEST,
  ends_in_past: HttpStatus.BAD_REQUEST,

  // Alerting's operator API: targets, webhooks, notification dead letters, the working calendar.
  invalid_targets: HttpStatus.BAD_REQUEST,
  webhook_not_found: HttpStatus.NOT_FOUND,
  dead_letter_not_found: HttpStatus.NOT_FOUND,
  invalid_calendar: HttpStatus.BAD_REQUEST,
  calendar_year_not_found: HttpStatus.NOT_FOUND,
  clock_override_refused: HttpStatus.BAD_REQUEST,

  // Capacity.
  too_many_streams: HttpStatus.TOO_MANY_REQUESTS,
  provenance_timeout: HttpStatus.SERVICE_UNAVAILABLE,
} as const;
export type ApiErrorCode = keyof typeof API_ERROR_STATUS;

/** A code with the message a person reads, e.g. the answer a guard gives to a missing credential. */
export interface ApiErrorReason {
  code: ApiErrorCode;
  message: string;
}

/**
 * An error the client is told about: `{ statusCode, code, message, ...details }` at the status
 * API_ERROR_STATUS gives its code (see errorBody). An HttpException, so Nest treats it as any other.
 */
export class ApiError extends HttpException {
  /**
   * `status` overrides the table only where the contract answers a code at another status: a
   * request body naming an unknown indicator is a bad request (400), a path naming one is not found.
   */
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    details: Record<string, unknown> = {},
    status: HttpStatus = API_ERROR_STATUS[code],
  ) {
    super({ ...details, code, message }, status);
  }

  static of(reason: ApiErrorReason): ApiError {
    return new ApiError(reason.code, reason.message);
  }
}
