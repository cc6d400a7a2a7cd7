import { maskIdNumbers } from './resident-id';

/** Helpers for the `path` of an `EventError` (dotted JSON path, `''` for the event itself). */

export function joinPath(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

/** Field names we echo back: short, printable, no separators. */
const SHOWABLE_KEY = /^[^\p{C}\p{Z}.]{1,64}$/u;
export const HIDDEN_KEY = '[field name not shown]';

/**
 * An unknown field's name is input too: it may be a resident ID (a system that keys objects by
 * person) or a control-character log injection. Unprintable names are replaced, digit runs that
 * could be an ID number masked.
 */
export function showableKey(key: string): string {
  return SHOWABLE_KEY.test(key) ? maskIdNumbers(key) : HIDDEN_KEY;
}

/** True if `path` is `ancestor` or lies beneath it. */
export function isWithin(path: string, ancestor: string): boolean {
  return ancestor === '' || path === ancestor || path.startsWith(`${ancestor}.`);
}
