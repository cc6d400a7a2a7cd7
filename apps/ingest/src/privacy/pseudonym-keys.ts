import { registerDecorator, ValidationArguments } from 'class-validator';
import type { PseudonymKey } from './pseudonymiser';

const KEY_ID = /^[a-z0-9]{1,8}$/i;

/** The variables that name the key chain (ingest's environment, and the re-key tool's). */
export interface PseudonymKeyVariables {
  PSEUDONYM_SECRET: string;
  PSEUDONYM_KEY_ID: string;
  PSEUDONYM_PREVIOUS_KEYS: string;
}

/** `<keyId>:<secret>[,<keyId>:<secret>...]`, oldest first; undefined when malformed. */
function parsePreviousKeys(text: string): PseudonymKey[] | undefined {
  if (text.trim() === '') return [];
  const keys: PseudonymKey[] = [];
  for (const entry of text.split(',')) {
    const colon = entry.indexOf(':');
    const id = entry.slice(0, colon).trim();
    const secret = entry.slice(colon + 1).trim();
    if (colon < 0 || !KEY_ID.test(id) || secret === '' || /\s/.test(secret)) return undefined;
    keys.push({ id, secret });
  }
  return keys;
}

/** The key chain, oldest first, the current key (PSEUDONYM_SECRET) last. Validate the variables first. */
export function pseudonymKeyChain(env: PseudonymKeyVariables): PseudonymKey[] {
  return [...(parsePreviousKeys(env.PSEUDONYM_PREVIOUS_KEYS) ?? []), { id: env.PSEUDONYM_KEY_ID, secret: env.PSEUDONYM_SECRET }];
}

/**
 * PSEUDONYM_PREVIOUS_KEYS: the keys the current one succeeded, `<keyId>:<secret>` comma-separated,
 * oldest first, every id distinct and none equal to PSEUDONYM_KEY_ID. Never echoed (NeverEchoed).
 */
export const PreviousPseudonymKeys = (): PropertyDecorator => (target, key) =>
  registerDecorator({
    name: 'previousPseudonymKeys',
    target: target.constructor,
    propertyName: key as string,
    options: {
      message: `${String(key)} must be <keyId>:<secret>[,<keyId>:<secret>...], oldest first, with distinct key ids (1–8 letters or digits) other than PSEUDONYM_KEY_ID`,
    },
    validator: {
      validate: (value: unknown, args: ValidationArguments) => {
        if (typeof value !== 'string') return false;
        const keys = parsePreviousKeys(value);
        if (!keys) return false;
        const ids = [...keys.map((k) => k.id), (args.object as PseudonymKeyVariables).PSEUDONYM_KEY_ID];
        return new Set(ids).size === ids.length;
      },
    },
  });
