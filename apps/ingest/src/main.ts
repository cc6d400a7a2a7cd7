import { bootstrapHttpApp, MISSING_ADMIN_TOKEN, runApp } from '@lib/platform';
import { validateEnvironment } from '@lib/config';
import { eventSchemas } from '@lib/contracts';
import { MISSING_API_KEY } from './auth/api-key.guard';
import { IngestEnvironment } from './ingest.environment';
import { IngestModule } from './ingest.module';

runApp(() =>
  bootstrapHttpApp(IngestModule, {
    title: 'Health indicators — ingest',
    description: 'The door for events from hospitals, township health centres and village clinics (HTTP and the raw Kafka topic).',
    bodyLimit: validateEnvironment(IngestEnvironment, process.env).INGEST_BODY_LIMIT,
    // Events reject a control character one by one (invalid_value), so one bad event does not refuse the batch.
    bodyCheckedElsewhere: ['/v1/events'],
    openApiSchemas: eventSchemas(),
    missingCredential: (path) => (path.startsWith('/v1/admin/') ? MISSING_ADMIN_TOKEN : MISSING_API_KEY),
  }),
);
