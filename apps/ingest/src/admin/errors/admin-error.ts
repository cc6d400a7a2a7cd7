import { HttpStatus } from '@nestjs/common';

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

/** A domain error of the admin API; AdminExceptionFilter turns it into `{ statusCode, code, message, errors? }`. */
export class AdminError extends Error {
  constructor(
    readonly code: AdminErrorCode,
    message: string,
    readonly errors?: ItemProblem[],
  ) {
    super(message);
    this.name = 'AdminError';
  }

  get status(): number {
    return ADMIN_ERROR_STATUS[this.code];
  }
}
