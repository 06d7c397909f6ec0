/**
 * A record as far as its version goes: what `If-Match` is made from.
 * @public
 */
export interface Versioned {
  readonly id: string;
  readonly version: number;
}

/**
 * The `If-Match` value for a record: an entity tag as given, or the tag of a record as read — the
 * server tags a record `"<id>.<version>"`, so a record read from any answer (a list's item included)
 * names the version the change is meant for.
 * @internal
 */
export function ifMatchValue(expected: string | Versioned): string {
  return typeof expected === 'string' ? expected : `"${expected.id}.${expected.version}"`;
}
