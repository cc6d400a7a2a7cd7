import { Body, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { AdminController } from './admin-controller.decorator';
import { CredentialsAdminService } from './credentials-admin.service';
import { VerifiedCredentialsDto, VerifyCredentialsDto } from './dto/credentials.dto';

/** Lets a tool holding saved secrets (the demo credentials file) learn which still work, without issuing new ones. */
@AdminController('credentials')
export class CredentialsVerificationController {
  constructor(private readonly credentials: CredentialsAdminService) {}

  @Post('verify')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Which API keys and bureau tokens are valid, and for which institution or region' })
  @ApiBody({ type: VerifyCredentialsDto, examples: { saved: { value: { apiKeys: ['hik_q3J9yX0…'], bureauTokens: ['hbt_Zk1r…'] } } } })
  @ApiOkResponse({ type: VerifiedCredentialsDto })
  verify(@Body() body: VerifyCredentialsDto): Promise<VerifiedCredentialsDto> {
    return this.credentials.verify(body.apiKeys, body.bureauTokens);
  }
}
