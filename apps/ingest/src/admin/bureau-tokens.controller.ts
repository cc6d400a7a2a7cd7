import { Body, Delete, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOperation, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { AdminController } from './admin-controller.decorator';
import { CredentialsAdminService } from './credentials-admin.service';
import { BureauTokenRequestDto, IssuedBureauTokenDto } from './dto/credentials.dto';
import { ErrorBodyDto } from './dto/error-body.dto';

@AdminController('bureau-tokens')
export class BureauTokensController {
  constructor(private readonly credentials: CredentialsAdminService) {}

  @Post()
  @ApiOperation({ summary: "Issue a bureau token scoped to one region's subtree (query API)" })
  @ApiBody({ type: BureauTokenRequestDto, examples: { city: { value: { region: '610900', label: '安康市卫健委' } }, county: { value: { region: '610921' } } } })
  @ApiCreatedResponse({ description: 'The token, shown once', type: IssuedBureauTokenDto })
  @ApiUnprocessableEntityResponse({ description: '`unknown_region`', type: ErrorBodyDto })
  issue(@Body() body: BureauTokenRequestDto): Promise<IssuedBureauTokenDto> {
    return this.credentials.issueBureauToken(body.region, body.label);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Revoke a bureau token' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: '`bureau_token_not_found` (unknown or already revoked)', type: ErrorBodyDto })
  revoke(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.credentials.revokeBureauToken(id);
  }
}
