import { bootstrapHttpApp, runApp } from '@lib/platform';
import { SimulatorModule } from './simulator.module';

runApp(() =>
  bootstrapHttpApp(SimulatorModule, {
    title: 'Health indicators — simulator',
    description: 'A realistic event feed for the Ankang demo.',
  }),
);
