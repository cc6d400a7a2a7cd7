import { Module } from '@nestjs/common';
import { CredentialsRepository } from './credentials.repository';
import { InstitutionsRepository } from './institutions.repository';
import { PopulationsRepository } from './populations.repository';
import { RegionsRepository } from './regions.repository';
import { RegistrySnapshot } from './registry-snapshot';

/** The registry's tables and its in-memory snapshot, for the apps that need them (ingest, query). */
@Module({
  providers: [RegionsRepository, InstitutionsRepository, CredentialsRepository, PopulationsRepository, RegistrySnapshot],
  exports: [RegionsRepository, InstitutionsRepository, CredentialsRepository, PopulationsRepository, RegistrySnapshot],
})
export class RegistryStoreModule {}
