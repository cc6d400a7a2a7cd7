/** Delivery settings (from the environment). */
export interface DeliveryPolicy {
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  timeoutMs: number;
  pollIntervalMs: number;
  batchSize: number;
}
