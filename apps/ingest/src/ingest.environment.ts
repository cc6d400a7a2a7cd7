import { BaseEnvironment } from '@lib/config';

/** Variables of the ingest app (see .env.example). */
export class IngestEnvironment extends BaseEnvironment {
  override PORT: number = 3001;
}
