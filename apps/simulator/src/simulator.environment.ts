import { BaseEnvironment } from '@lib/config';

/** Variables of the simulator app (see .env.example). */
export class SimulatorEnvironment extends BaseEnvironment {
  override PORT: number = 3005;
}
