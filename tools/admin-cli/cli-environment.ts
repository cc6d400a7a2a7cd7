import { IsString, Matches } from 'class-validator';
import { DEVELOPMENT_ADMIN_TOKEN, Secret, UrlWithSecret } from '@lib/config';
import { DEFAULT_CREDENTIALS_FILE } from './demo-credentials';

/** What the CLI reads from the environment, validated once (same defaults as the apps on this machine). */
export class CliEnvironment {
  /** The ingest app whose /v1/admin API the CLI calls. */
  @Matches(/^https?:\/\/\S+$/, { message: 'INGEST_URL must be an http(s):// URL' })
  INGEST_URL = 'http://127.0.0.1:3001';

  /** The operator's token, as configured in the ingest app. */
  @Secret()
  ADMIN_TOKEN = DEVELOPMENT_ADMIN_TOKEN;

  /** Only `seed-demo` uses it, to write the demo populations. */
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// URL' })
  @UrlWithSecret()
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/health';

  /** Where `seed-demo` keeps the demo's secrets (relative to the working directory). */
  @IsString()
  DEMO_CREDENTIALS_FILE = DEFAULT_CREDENTIALS_FILE;
}
