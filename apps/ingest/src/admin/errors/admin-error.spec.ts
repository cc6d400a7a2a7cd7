import { BadRequestException, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { errorBody as platformErrorBody } from '@lib/platform';
import { ADMIN_CODE_BY_STATUS, AdminError } from './admin-error';

const errorBody = (exception: unknown) => platformErrorBody(exception, { codeByStatus: ADMIN_CODE_BY_STATUS });

describe('admin error body', () => {
  it('answers a domain error with its status, code and item problems', () => {
    const problems = [{ index: 2, path: 'county', code: 'unknown_region', message: 'unknown region "619999"' }];
    expect(errorBody(new AdminError('invalid_registration', '1 institution rejected', problems))).toEqual({
      statusCode: 422,
      code: 'invalid_registration',
      message: '1 institution rejected',
      errors: problems,
    });
  });

  it('keeps the code a guard gives', () => {
    expect(errorBody(new UnauthorizedException({ code: 'invalid_admin_token', message: 'token required' }))).toEqual({
      statusCode: 401,
      code: 'invalid_admin_token',
      message: 'token required',
    });
  });

  it('gives Nest exceptions a code by status and lists validation messages', () => {
    expect(errorBody(new BadRequestException(['type must be one of …', 'county must be 6 digits']))).toEqual({
      statusCode: 400,
      code: 'invalid_request',
      message: 'type must be one of …; county must be 6 digits',
      errors: ['type must be one of …', 'county must be 6 digits'],
    });
    expect(errorBody(new NotFoundException())).toMatchObject({ statusCode: 404, code: 'not_found' });
  });

  it('hides the internals of anything unexpected', () => {
    expect(errorBody(new Error('relation "institutions" does not exist'))).toEqual({
      statusCode: 500,
      code: 'internal_error',
      message: 'Internal error; quote the correlation id when reporting it',
    });
  });
});
