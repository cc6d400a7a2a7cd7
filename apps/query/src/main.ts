import { bootstrapHttpApp, runApp } from '@lib/platform';
import { MISSING_BUREAU_TOKEN } from './auth/bureau-token.guard';
import { QueryModule } from './query.module';

runApp(() =>
  bootstrapHttpApp(QueryModule, {
    title: 'Health indicators — query',
    description: 'Live indicators for health bureaus.',
    missingCredential: () => MISSING_BUREAU_TOKEN,
  }),
);
