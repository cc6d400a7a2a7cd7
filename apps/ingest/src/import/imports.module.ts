import { Module } from '@nestjs/common';
import { AdminGuard } from '@lib/platform';
import { EventsModule } from '../events/events.module';
import { EventImport } from './event-import.service';
import { EventImportsRepository } from './event-imports.repository';
import { ImportsController } from './imports.controller';

/** Bulk import of historical events (/v1/admin/imports), behind ADMIN_TOKEN, through the events' own intake. */
@Module({
  imports: [EventsModule],
  controllers: [ImportsController],
  providers: [EventImport, EventImportsRepository, AdminGuard],
})
export class ImportsModule {}
