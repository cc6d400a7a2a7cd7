import { HttpException, HttpStatus } from '@nestjs/common';

/** Machine-readable codes of the admin API's errors, each with its one HTTP status. */
export const ADMIN_ERROR_STATUS = {
  invalid_request: HttpStatus.BAD_REQUEST,
  too_many_items: HttpStatus.BAD_REQUEST,
  invalid_admin_token: HttpStatus.UNAUTHORIZED,
  institution_not_found: HttpStatus.NOT_FOUND,
  api_key_not_found: HttpStatus.NOT_FOUND,
  bureau_token_not_found: HttpStatus.NOT_FOUND,
  institution_inactive: HttpStatus.CONFLICT,
  invalid_registration: HttpStatus.UNPROCESSABLE_ENTITY,
  unknown_region: HttpStatus.UNPROCESSABLE_ENTITY,
  api_keys_refused: HttpStatus.UNPROCESSABLE_ENTITY,
  import_not_found: HttpStatus.NOT_FOUND,
  import_conflict: HttpStatus.CONFLICT,
  unsupported_media_type: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  internal_error: HttpStatus.INTERNAL_SERVER_ERROR,
} as const;
export type AdminErrorCode = keyof typeof ADMIN_ERROR_STATUS;

/** One problem with one posted item: `index` in the posted list (0 for a single object). */
export interface ItemProblem {
  index: number;
  path: string;
  code: string;
  message: string;
}

/** Codes of the admin API for Nest's own exceptions that carry none (the validation pipe's 400s). */
export const ADMIN_CODE_BY_STATUS: Readonly<Record<number, string>> = {
  [HttpStatus.BAD_REQUEST]: 'invalid_request',
  [HttpStatus.UNAUTHORIZED]: 'unauthorized',
  [HttpStatus.FORBIDDEN]: 'forbidden',
  [HttpStatus.NOT_FOUND]: 'not_found',
  [HttpStatus.PAYLOAD_TOO_LARGE]: 'payload_too_large',
  [HttpStatus.TOO_MANY_REQUESTS]: 'rate_limited',
};

/** A domain error of the admin API, answered `{ statusCode, code, message, errors?, correlationId }` (see errorBody in @lib/platform). */
export class AdminError extends HttpException {
  constructor(
    readonly code: AdminErrorCode,
    message: string,
    readonly errors?: ItemProblem[],
  ) {
    super({ code, message, ...(errors && { errors }) }, ADMIN_ERROR_STATUS[code]);
  }
}
