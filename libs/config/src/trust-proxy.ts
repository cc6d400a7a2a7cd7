import { isIP } from 'node:net';
import { registerDecorator } from 'class-validator';

/** What Express's `trust proxy` setting takes: off, a number of hops, or the proxies' addresses. */
export type TrustProxySetting = false | number | string[];

const NAMED_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

function isAddressOrSubnet(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * Reads TRUST_PROXY: `false` (the peer is the client), a hop count (`1`: one ingress in front, the
 * address it appends to X-Forwarded-For is the client's), or comma-separated proxy addresses, subnets
 * or Express's names (loopback, linklocal, uniquelocal). `true` is refused: trusting every hop lets
 * any client choose the address its failures are counted against. Undefined when unreadable.
 */
export function parseTrustProxy(value: string): TrustProxySetting | undefined {
  const text = value.trim();
  if (text === 'false' || text === '0') return false;
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const entries = text.split(',').map((entry) => entry.trim());
  return entries.every((entry) => NAMED_RANGES.includes(entry) || isAddressOrSubnet(entry)) ? entries : undefined;
}

/** The TRUST_PROXY variable's rule (see parseTrustProxy). */
export const TrustProxy = (): PropertyDecorator => (target, key) =>
  registerDecorator({
    name: 'trustProxy',
    target: target.constructor,
    propertyName: key as string,
    options: {
      message: `${String(key)} must be false, a hop count (1 for one ingress in front) or proxy addresses/subnets (loopback, linklocal, uniquelocal, 10.0.0.0/8 ...); never true`,
    },
    validator: { validate: (value: unknown) => typeof value === 'string' && parseTrustProxy(value) !== undefined },
  });
