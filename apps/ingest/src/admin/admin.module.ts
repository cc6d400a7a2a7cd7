import { Module } from '@nestjs/common';
import { RegistryStoreModule } from '@lib/registry-store';

/** The operator's registry administration (/v1/admin/*). */
@Module({
  imports: [RegistryStoreModule],
})
export class AdminModule {}
