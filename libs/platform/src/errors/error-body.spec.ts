import { BadRequestException, HttpStatus, NotFoundException } from '@nestjs/common';
import { API_ERROR_STATUS, ApiError } from './api-error';
import { errorBody } from './error-body';

describe('errorBody', () => {
  it('answers an ApiError at the status its code names, with its details and the correlation id', () => {
    const error = new ApiError('invalid_period', 'period must be a period id', { field: 'period' });
    expect(error.getStatus()).toBe(HttpStatus.BAD_REQUEST);
    expect(errorBody(error, { correlationId: 'req-7' })).toEqual({
      statusCode: 400,
      code: 'invalid_period',
      message: 'period must be a period id',
      field: 'period',
      correlationId: 'req-7',
    });
    expect(errorBody(new ApiError('out_of_scope', 'not yours')).statusCode).toBe(403);
    expect(errorBody(new ApiError('too_many_streams', 'close one')).statusCode).toBe(429);
  });

  it('never lets details overwrite the code or message', () => {
    expect(errorBody(new ApiError('unknown_region', 'No region 999999', { code: 'other', message: 'other' }))).toMatchObject({
      statusCode: 404,
      code: 'unknown_region',
      message: 'No region 999999',
    });
  });

  it('gives code-less Nest exceptions the code of their status, or the API’s own', () => {
    const validation = new BadRequestException(['period must be a string', 'level must be one of county, city']);
    expect(errorBody(validation)).toEqual({
      statusCode: 400,
      code: 'bad_request',
      message: 'period must be a string; level must be one of county, city',
      errors: ['period must be a string', 'level must be one of county, city'],
    });
    expect(errorBody(validation, { codeByStatus: { 400: 'invalid_request' } }).code).toBe('invalid_request');
    expect(errorBody(new NotFoundException(), { route: 'GET /v1/nope' })).toMatchObject({
      statusCode: 404,
      code: 'not_found',
      message: 'No route GET /v1/nope',
    });
    expect(errorBody(new ApiError('alert_not_found', 'No alert 9'), { route: 'GET /v1/alerts/9' }).message).toBe('No alert 9');
  });

  it('hides the internals of anything unexpected but keeps the correlation id', () => {
    expect(errorBody(new Error('relation "alerts" does not exist'), { correlationId: 'req-9' })).toEqual({
      statusCode: 500,
      code: 'internal_error',
      message: 'Internal error; quote the correlation id when reporting it',
      correlationId: 'req-9',
    });
  });

  it('names a 4xx or 5xx status for every code', () => {
    for (const status of Object.values(API_ERROR_STATUS)) expect(status >= 400 && status < 600).toBe(true);
  });
});
