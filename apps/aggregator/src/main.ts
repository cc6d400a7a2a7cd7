import { bootstrapHttpApp, runApp } from '@lib/platform';
import { AggregatorModule } from './aggregator.module';

runApp(() =>
  bootstrapHttpApp(AggregatorModule, {
    title: 'Health indicators — aggregator',
    description: 'Exactly-once rollups of canonical events into indicators.',
  }),
);
