import { bootstrapHttpApp, runApp } from '@lib/platform';
import { IngestModule } from './ingest.module';

runApp(() =>
  bootstrapHttpApp(IngestModule, {
    title: 'Health indicators — ingest',
    description: 'The door for events from hospitals, township health centres and village clinics (HTTP and the raw Kafka topic).',
  }),
);
