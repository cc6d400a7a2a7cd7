import { AdminGuard, bootstrapHttpApp, runApp } from '@lib/platform';
import { AlertingModule } from './alerting.module';

runApp(() =>
  bootstrapHttpApp(AlertingModule, {
    title: 'Health indicators — alerting',
    description: 'Targets, three-colour status and warnings.',
    // Every route with a body is the operator's (AdminGuard).
    credentialCheck: (app) => {
      const admin = app.get(AdminGuard);
      return (request, response) => admin.check(request, response);
    },
  }),
);
