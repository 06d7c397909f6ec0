/**
 * `{ [key]: value }`, or `{}` when `value` is undefined: spread into an object literal, it leaves an
 * absent value out instead of writing `undefined` (which `exactOptionalPropertyTypes` and deep equality
 * tell apart from a missing key).
 * @internal
 */
export function optionalProperty<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
