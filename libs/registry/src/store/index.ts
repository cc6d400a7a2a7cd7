export { CredentialsRepository } from './credentials.repository';
export type { ApiKeyRequest, IssuedSecret } from './credentials.repository';
export { InstitutionsRepository } from './institutions.repository';
export type { InstitutionChange, InstitutionFilter } from './institutions.repository';
export { PopulationsRepository } from './populations.repository';
export { RegionsRepository } from './regions.repository';
export { RegistrySnapshot } from './registry-snapshot';
export { RegistryStoreModule } from './registry-store.module';
export { generateSecret, hashSecret } from './secrets';
