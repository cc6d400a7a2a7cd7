import { RegistrySnapshot } from '@lib/registry-store';
import { bootstrapHttpApp, runApp } from '@lib/platform';
import { BureauTokenAuthenticator } from './auth/bureau-token-authenticator';
import { ComputedReadsCache } from './cache/computed-reads.cache';
import { QueryModule } from './query.module';
import { cachedAnswersFirst } from './values/cached-answers-first';

runApp(() =>
  bootstrapHttpApp(QueryModule, {
    title: 'Health indicators — query',
    description: 'Live indicators for health bureaus.',
    credentialCheck: (app) => {
      const bureaus = app.get(BureauTokenAuthenticator);
      return (request, response) => bureaus.bureauOf(request, response);
    },
    // After the common hooks, before the body, guards and handler: cached JSON reads skip most of the stack.
    configure: (app) => {
      app
        .getHttpAdapter()
        .getInstance()
        .addHook(
          'onRequest',
          cachedAnswersFirst({
            authenticator: app.get(BureauTokenAuthenticator),
            registry: app.get(RegistrySnapshot),
            cache: app.get(ComputedReadsCache),
          }),
        );
    },
  }),
);
