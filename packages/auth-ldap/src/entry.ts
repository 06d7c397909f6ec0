import type { Entry } from 'ldapts';

/**
 * The first value of attribute `name` of a search entry as text, if it has one. Attribute names are
 * matched case-insensitively (a server answers `cn` for a request of `CN`).
 * @internal
 */
export function firstValue(entry: Entry, name: string): string | undefined {
  return allValues(entry, name)[0];
}

/** Every value of attribute `name` of a search entry as text (binary values decoded as UTF-8). @internal */
export function allValues(entry: Entry, name: string): string[] {
  const wanted = name.toLowerCase();
  const key = Object.keys(entry).find((k) => k !== 'dn' && k.toLowerCase() === wanted);
  if (key === undefined) return [];
  const value = entry[key];
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.map((v) => (typeof v === 'string' ? v : v.toString('utf8'))).filter((v) => v !== '');
}
