import { Module } from '@nestjs/common';
import { RegistryStoreModule } from '@lib/registry-store';
import { AdminGuard } from '@lib/platform';
import { ApiKeysController } from './api-keys.controller';
import { BureauTokensController } from './bureau-tokens.controller';
import { CredentialsAdminService } from './credentials-admin.service';
import { CredentialsVerificationController } from './credentials-verification.controller';
import { InstitutionsController } from './institutions.controller';
import { RegionsController } from './regions.controller';
import { RegistryAdminService } from './registry-admin.service';
import { SupersededRegionsController } from './superseded-regions.controller';

/** The operator's registry administration (/v1/admin/*), behind ADMIN_TOKEN. */
@Module({
  imports: [RegistryStoreModule],
  controllers: [
    RegionsController,
    SupersededRegionsController,
    InstitutionsController,
    ApiKeysController,
    BureauTokensController,
    CredentialsVerificationController,
  ],
  providers: [RegistryAdminService, CredentialsAdminService, AdminGuard],
})
export class AdminModule {}
