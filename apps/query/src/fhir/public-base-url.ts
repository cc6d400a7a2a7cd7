import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { QueryEnvironment } from '../query.environment';

/** Where FHIR resources say they live: PUBLIC_BASE_URL, never the request's Host header (the caller writes that). */
@Injectable()
export class PublicBaseUrl {
  /** The `/v1` API under the configured address, without a trailing slash. */
  readonly api: string;

  constructor(config: ConfigService<QueryEnvironment, true>) {
    this.api = `${config.get('PUBLIC_BASE_URL', { infer: true }).replace(/\/+$/, '')}/v1`;
  }
}
