import { applyDecorators, Controller, UseFilters, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiExtraModels, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AdminGuard, HttpErrorFilter } from '@lib/platform';
import { ErrorBodyDto } from './dto/error-body.dto';
import { ADMIN_CODE_BY_STATUS } from './errors/admin-error';

/** Every admin controller: under /v1/admin, behind the operator's token, answering errors in one shape. */
export function AdminController(path: string): ClassDecorator {
  return applyDecorators(
    Controller(`v1/admin/${path}`),
    UseGuards(AdminGuard),
    UseFilters(new HttpErrorFilter(ADMIN_CODE_BY_STATUS)),
    ApiTags('admin'),
    ApiBearerAuth(),
    ApiExtraModels(ErrorBodyDto),
    ApiBadRequestResponse({ description: 'Malformed request (`invalid_request`, `too_many_items`); `errors` name the item and field', type: ErrorBodyDto }),
    ApiUnauthorizedResponse({ description: 'Missing or wrong admin token (`invalid_admin_token`)', type: ErrorBodyDto }),
  );
}
