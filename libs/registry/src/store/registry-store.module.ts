import { Module } from '@nestjs/common';
import { CredentialsRepository } from './credentials.repository';
import { InstitutionsRepository } from './institutions.repository';
import { RegionsRepository } from './regions.repository';
import { RegistrySnapshot } from './registry-snapshot';

/** The registry's tables and its in-memory snapshot, for the apps that need them (ingest, query). */
@Module({
  providers: [RegionsRepository, InstitutionsRepository, CredentialsRepository, RegistrySnapshot],
  exports: [RegionsRepository, InstitutionsRepository, CredentialsRepository, RegistrySnapshot],
})
export class RegistryStoreModule {}
