import { bootstrapHttpApp, runApp } from '@lib/platform';
import { QueryModule } from './query.module';

runApp(() =>
  bootstrapHttpApp(QueryModule, {
    title: 'Health indicators — query',
    description: 'Live indicators for health bureaus.',
  }),
);
