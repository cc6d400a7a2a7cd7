import { AdminGuard, bootstrapHttpApp, runApp } from '@lib/platform';
import { validateEnvironment } from '@lib/config';
import { ApiKeyAuthenticator } from './auth/api-key-authenticator';
import { eventSchemas } from '@lib/contracts';
import { IngestEnvironment } from './ingest.environment';
import { IngestModule } from './ingest.module';

runApp(() =>
  bootstrapHttpApp(IngestModule, {
    title: 'Health indicators — ingest',
    description: 'The door for events from hospitals, township health centres and village clinics (HTTP and the raw Kafka topic).',
    bodyLimit: validateEnvironment(IngestEnvironment, process.env).INGEST_BODY_LIMIT,
    // Events reject a control character one by one (invalid_value), so one bad event does not refuse the batch.
    bodyCheckedElsewhere: ['/v1/events'],
    streamedBodies: ['/v1/admin/imports'],
    openApiSchemas: eventSchemas(),
    credentialCheck: (app) => {
      const admin = app.get(AdminGuard);
      const apiKeys = app.get(ApiKeyAuthenticator);
      return (request, response) => (request.url.startsWith('/v1/admin/') ? admin.check(request, response) : apiKeys.institutionOf(request, response));
    },
  }),
);
