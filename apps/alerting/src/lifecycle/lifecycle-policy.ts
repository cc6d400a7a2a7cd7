/** Durations and margins of the lifecycle, durations in milliseconds (from the environment; see AlertingEnvironment). */
export interface LifecyclePolicy {
  /** Red must last this long before a pending alert fires (Prometheus' `for`). */
  forMs: number;
  /** Red fires at once. */
  redFiresImmediately: boolean;
  /** Yellow must last this long to fire ("stays yellow too long"); 0 = yellow never fires. */
  yellowForMs: number;
  repeatIntervalMs: number;
  /** 0 = never escalate. */
  escalateAfterMs: number;
  /**
   * How much of the time between two instants counts towards `escalateAfterMs`: all of it when absent;
   * only working days' with ALERT_ESCALATE_ON=working_days (a county bureau cannot act during 春节).
   */
  escalationElapsedMs?: (from: Date, to: Date) => number;
  /** An open alert ends when its value is back past the target by this share of the target's tolerance (see resolveMarginOf)... */
  resolveMarginShare: number;
  /** ...or has stayed on track (green) this long without interruption. */
  resolveAfterMs: number;
  /** After an alert of a cell ends, no new alert opens for that cell for this long. */
  holdDownMs: number;
}
