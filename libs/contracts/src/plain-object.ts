/** A plain JSON object: not null, not an array, not a Date/Map/class instance. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  // The last clause admits plain objects made in another realm (vm, worker), whose Object.prototype differs.
  return proto === null || proto === Object.prototype || Object.getPrototypeOf(proto) === null;
}
