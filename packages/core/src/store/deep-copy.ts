/**
 * A deep copy of a record, so that a caller never shares an object with the store. Records are
 * JSON-shaped (plain objects, arrays, primitives) and are copied directly, which measured six to eight
 * times faster than `structuredClone` (it serialises); any other object (a Date, a Map) still goes
 * through `structuredClone`, so the copy is never shallow.
 * @internal
 */
export function deepCopy<T>(value: T): T {
  return copyValue(value) as T;
}

function copyValue(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const array: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) array[i] = copyValue(value[i]);
    return array;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return structuredClone(value);
  const source = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    // Plain assignment of "__proto__" would replace the copy's prototype instead of adding a field.
    if (key === '__proto__') {
      Object.defineProperty(copy, key, {
        value: copyValue(source[key]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else {
      copy[key] = copyValue(source[key]);
    }
  }
  return copy;
}
