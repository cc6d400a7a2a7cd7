import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsString, Matches, Max, Min } from 'class-validator';
import { BaseEnvironment, ToBoolean } from '@lib/config';

/** Variables of the simulator app (see .env.example, section "simulator"). */
export class SimulatorEnvironment extends BaseEnvironment {
  override PORT: number = 3005;

  /** Start the feed at boot (the demo sets true); otherwise POST /v1/simulator/start. */
  @ToBoolean()
  SIMULATOR_AUTOSTART: boolean = false;

  /**
   * Also run the epidemic feed: every county's notifiable-disease cards on the seasonal curves and its
   * sentinel's daily counts, at the real population's scale and the calendar's pace (not SIMULATOR_RATE).
   */
  @ToBoolean()
  SIMULATOR_EPIDEMIC: boolean = true;

  /** Events per second of the live feed. */
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.1)
  @Max(100_000)
  SIMULATOR_RATE: number = 50;

  @IsIn(['http', 'kafka', 'file'])
  SIMULATOR_SINK: 'http' | 'kafka' | 'file' = 'http';

  @Matches(/^https?:\/\/\S+$/, { message: 'SIMULATOR_INGEST_URL must be an http(s) URL' })
  SIMULATOR_INGEST_URL = 'http://127.0.0.1:3001';

  /** Written by `node dist/tools/cli.js seed-demo`; the feed waits until it exists. */
  @IsString()
  SIMULATOR_CREDENTIALS_FILE = '.local/demo-credentials.json';

  /** NDJSON output of the file sink. */
  @IsString()
  SIMULATOR_OUT_FILE = '.local/simulator-feed.ndjson';

  /** Same seed → same people and the same kind of feed; eventIds also carry the boot time, so restarts never collide. */
  @Matches(/^[A-Za-z0-9._-]{1,12}$/, { message: 'SIMULATOR_SEED must be 1–12 characters of A-Z a-z 0-9 . _ -' })
  SIMULATOR_SEED = 'ankang';

  /** steady | county-decline:<county>[:<days>] | measles-cluster:<county>[:<days>] */
  @Matches(/^(steady|(county-decline|measles-cluster):\d{6}(:\d+(\.\d+)?)?)$/, {
    message: 'SIMULATOR_SCENARIO must be steady, county-decline:<county>[:<days>] or measles-cluster:<county>[:<days>]',
  })
  SIMULATOR_SCENARIO = 'steady';

  /** Synthetic residents per real resident (0.01 ≈ 25 000 people). */
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.0001)
  @Max(1)
  SIMULATOR_POPULATION_SCALE: number = 0.01;

  /** Events per request to ingest and per Kafka send. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  SIMULATOR_BATCH_SIZE: number = 500;
}
