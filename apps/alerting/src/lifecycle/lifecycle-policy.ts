/** Durations of the lifecycle, in milliseconds (from the environment; see AlertingEnvironment). */
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
}
