import { applyDecorators, Controller, UseFilters, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiExtraModels, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AdminGuard } from '@lib/platform';
import { ErrorBodyDto } from './dto/error-body.dto';
import { AdminExceptionFilter } from './errors/admin-exception.filter';

/** Every admin controller: under /v1/admin, behind the operator's token, answering errors in one shape. */
export function AdminController(path: string): ClassDecorator {
  return applyDecorators(
    Controller(`v1/admin/${path}`),
    UseGuards(AdminGuard),
    UseFilters(AdminExceptionFilter),
    ApiTags('admin'),
    ApiBearerAuth(),
    ApiExtraModels(ErrorBodyDto),
    ApiBadRequestResponse({ description: 'Malformed request (`invalid_request`, `too_many_items`); `errors` name the item and field', type: ErrorBodyDto }),
    ApiUnauthorizedResponse({ description: 'Missing or wrong admin token (`invalid_admin_token`)', type: ErrorBodyDto }),
  );
}
