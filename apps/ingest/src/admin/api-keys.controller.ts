import { Body, Delete, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
  getSchemaPath,
} from '@nestjs/swagger';
import type { IssuedApiKey } from '@lib/registry';
import { AdminController } from './admin-controller.decorator';
import { MAX_ITEMS_PER_REQUEST } from './admin-limits';
import { ApiOneOrManyBody } from './api-one-or-many-body.decorator';
import { CredentialsAdminService } from './credentials-admin.service';
import { ApiKeyRequestDto, IssuedApiKeyDto } from './dto/credentials.dto';
import { ErrorBodyDto } from './dto/error-body.dto';
import { OneOrManyPipe, type OneOrMany } from './one-or-many.pipe';

@AdminController('api-keys')
@ApiExtraModels(IssuedApiKeyDto)
export class ApiKeysController {
  constructor(private readonly credentials: CredentialsAdminService) {}

  @Post()
  @ApiOperation({ summary: 'Issue institution API keys: one object answers one key, a list (seeding a network) a list' })
  @ApiOneOrManyBody(ApiKeyRequestDto, MAX_ITEMS_PER_REQUEST, {
    one: { value: { institutionId: '610921-THC-001', label: 'HIS vendor' } },
    many: { value: [{ institutionId: '610921-THC-001' }, { institutionId: '610921-VC-001' }] },
  })
  @ApiCreatedResponse({
    description: 'The key, shown once',
    schema: { oneOf: [{ $ref: getSchemaPath(IssuedApiKeyDto) }, { type: 'array', items: { $ref: getSchemaPath(IssuedApiKeyDto) } }] },
  })
  @ApiNotFoundResponse({ description: '`institution_not_found`', type: ErrorBodyDto })
  @ApiConflictResponse({ description: '`institution_inactive`', type: ErrorBodyDto })
  async issue(@Body(new OneOrManyPipe(ApiKeyRequestDto, MAX_ITEMS_PER_REQUEST)) body: OneOrMany<ApiKeyRequestDto>): Promise<IssuedApiKey | IssuedApiKey[]> {
    const issued = await this.credentials.issueApiKeys(body.items);
    return body.many ? issued : issued[0];
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Revoke an API key (ingest stops accepting it within its one-minute key cache)' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: '`api_key_not_found` (unknown or already revoked)', type: ErrorBodyDto })
  revoke(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.credentials.revokeApiKey(id);
  }
}
