import { createHmac } from 'node:crypto';

/** Header names of our own signed JSON webhooks. */
export const SIGNATURE_HEADER = 'x-health-signature';
export const TIMESTAMP_HEADER = 'x-health-timestamp';
export const IDEMPOTENCY_HEADER = 'idempotency-key';

/**
 * Signature of a JSON webhook, Stripe-style: HMAC-SHA256 over `<unix seconds>.<raw body>`, hex, sent as
 * `X-Health-Signature: t=<unix seconds>,v1=<hex>`. The timestamp is inside the MAC so a receiver can
 * refuse replays older than a few minutes; the body is signed raw, byte for byte as sent.
 */
export function webhookSignature(secret: string, unixSeconds: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`, 'utf8').digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/**
 * 钉钉 (DingTalk) robot "加签": sign = urlencode(base64(HmacSHA256(key = secret, data = timestamp + "\n" + secret))),
 * timestamp in milliseconds; DingTalk refuses a timestamp more than an hour off its clock.
 */
export function dingTalkSign(secret: string, timestampMs: number): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`, 'utf8').digest('base64');
}

/** The robot URL with `&timestamp=…&sign=…` appended (the base URL carries `access_token`). */
export function dingTalkSignedUrl(url: string, secret: string, timestampMs: number): string {
  const separator = url.includes('?') ? '&' : '?';
  return `${url}${separator}timestamp=${timestampMs}&sign=${encodeURIComponent(dingTalkSign(secret, timestampMs))}`;
}
