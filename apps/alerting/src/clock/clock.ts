import { Injectable } from '@nestjs/common';

/**
 * Where the alerting app reads the time. Injected so tests move time (a pro-rata target falls behind
 * with time alone; repeat and escalation are durations) without waiting.
 */
export abstract class Clock {
  abstract now(): Date;
}

@Injectable()
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
