import { bootstrapHttpApp, runApp } from '@lib/platform';
import { AlertingModule } from './alerting.module';

runApp(() =>
  bootstrapHttpApp(AlertingModule, {
    title: 'Health indicators — alerting',
    description: 'Targets, three-colour status and warnings.',
  }),
);
