import { bootstrapHttpApp, runApp } from '@lib/platform';
import { BureauTokenAuthenticator } from './auth/bureau-token-authenticator';
import { QueryModule } from './query.module';

runApp(() =>
  bootstrapHttpApp(QueryModule, {
    title: 'Health indicators — query',
    description: 'Live indicators for health bureaus.',
    credentialCheck: (app) => {
      const bureaus = app.get(BureauTokenAuthenticator);
      return (request, response) => bureaus.bureauOf(request, response);
    },
  }),
);
