export { CredentialsRepository } from './credentials.repository';
export type { IssuedSecret } from './credentials.repository';
export { InstitutionsRepository } from './institutions.repository';
export { RegionsRepository } from './regions.repository';
export { RegistrySnapshot } from './registry-snapshot';
export { RegistryStoreModule } from './registry-store.module';
export { generateSecret, hashSecret, secretsEqual } from './secrets';
